/**
 * A Quire plugin template: rolling mean and standard deviation of one CSV column ({@code example.rolling}).
 * Only {@code org.quire.api} is used; the algorithm is published as a DS component of type
 * {@link org.quire.api.Algorithm}. SPDX-License-Identifier: EPL-2.0
 */
package org.example.quire.rolling;
