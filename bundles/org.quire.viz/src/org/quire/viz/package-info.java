/**
 * Charts without a display: turns {@link org.quire.api.result.ChartSpec chart specifications} into
 * themed JFreeChart charts ({@link org.quire.viz.Charts}) and writes them as PNG or SVG
 * ({@link org.quire.viz.ChartImages}). Uses only headless {@code java.awt} drawing (works with
 * {@code java.awt.headless=true}), no SWT and no windows. Every class here is thread-safe: each call
 * builds its own chart, and the same chart specification always gives the same bytes on a machine.
 */
package org.quire.viz;
