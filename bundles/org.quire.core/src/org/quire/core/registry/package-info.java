/**
 * The algorithm registry: every {@link org.quire.api.Algorithm} service (DS whiteboard, dynamic),
 * with its descriptor, origin, and the problems met reading plugins. Usable without OSGi too.
 */
package org.quire.core.registry;
