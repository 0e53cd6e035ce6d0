/**
 * Runs as Eclipse {@link org.eclipse.core.runtime.jobs.Job}s: validation with the run engine,
 * execution with progress and cancellation bridged to the job's monitor and the run history, and
 * the run directory written when a run ends. No SWT here.
 */
package org.quire.workbench.run;
