/**
 * Result writers: a run directory ({@code run.json}, {@code results.json}, CSV, PLY, PNG/SVG,
 * {@code index.html}) written atomically, and the summary page of a job.
 */
package org.quire.core.output;
