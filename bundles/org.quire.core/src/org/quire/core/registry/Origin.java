package org.quire.core.registry;

/**
 * Where an algorithm comes from: the providing bundle's symbolic name and version (or a jar or
 * class name when running without OSGi).
 *
 * @param bundle  symbolic name, e.g. {@code org.quire.fbm}
 * @param version version, e.g. {@code 0.1.0.v20261128-1000}
 */
public record Origin(String bundle, String version) {
    /** An origin for algorithms added by hand, outside OSGi. */
    public static Origin of(Class<?> type) {
        Package p = type.getPackage();
        String v = p == null ? null : p.getImplementationVersion();
        return new Origin(type.getName(), v == null ? "unversioned" : v);
    }
}
