/**
 * Entropic optimal transport between weighted point sets ({@code ot.sinkhorn}): stabilised Sinkhorn iterations and
 * Sinkhorn-Newton-Sparse (Tang et al., ICLR 2024), as a third-party Quire plugin built against {@code org.quire.api}
 * only. Dense double arrays, row-major; parallel passes use a fixed row chunking so results do not depend on the
 * thread count. SPDX-License-Identifier: EPL-2.0
 */
package org.quire.examples.sinkhorn;
