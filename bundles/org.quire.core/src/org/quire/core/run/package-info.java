/**
 * The run engine: validates a {@link org.quire.core.run.RunRequest} against the schema, runs the
 * algorithm with a seed, a thread budget, progress and cancellation, and records provenance in a
 * {@link org.quire.core.run.RunOutcome}.
 */
package org.quire.core.run;
