package org.quire.core.plugins;

/**
 * What happened to one plugin jar.
 *
 * @param file    the jar's file name
 * @param bundle  symbolic name and version, or empty when the jar is not a bundle
 * @param active  whether it resolved and started
 * @param problem what stands in the way, in words (empty when active)
 */
public record PluginStatus(String file, String bundle, boolean active, String problem) {
}
