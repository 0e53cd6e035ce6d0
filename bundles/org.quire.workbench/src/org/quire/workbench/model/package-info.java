/**
 * The workbench's data, free of SWT: the session's run history, where run directories go, and the
 * export of a run as a job file. Thread-safe where stated, so that jobs can report into it.
 */
package org.quire.workbench.model;
