/**
 * Interactive charts in SWT: {@link org.quire.viz.swt.ChartView} shows a
 * {@link org.quire.api.result.ChartSpec} drawn by {@code org.quire.viz} in JFreeChart's SWT
 * {@code ChartComposite}, with zoom (mouse wheel, drag a rectangle), pan (Ctrl+drag or middle
 * button), reset (double-click), tooltips with x and y, and a context menu to save PNG or SVG or
 * copy the data as CSV. Like all SWT widgets, everything here must be used on the display's thread.
 */
package org.quire.viz.swt;
