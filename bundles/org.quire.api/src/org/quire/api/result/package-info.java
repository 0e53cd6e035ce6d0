/**
 * The result model: what an algorithm returns, as data. Named metrics (numbers), values (any
 * JSON-able data), tables, series, point clouds, meshes, images and chart specifications. Hosts
 * render the same result in the workbench, the batch report and tests. Every item has a name made
 * of letters, digits, {@code . _ -} (it becomes a file name). All types are immutable.
 */
package org.quire.api.result;
