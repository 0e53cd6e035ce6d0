/**
 * Implementation details of the registry and the run engine, not exported: the Declarative
 * Services component that feeds the registry, the progress tree, the run context and log, input
 * checksums and failure descriptions. Everything here except {@link org.quire.core.internal.OsgiAlgorithmRegistry}
 * is plain Java.
 */
package org.quire.core.internal;
