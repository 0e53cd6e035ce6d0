/**
 * Job files (YAML or JSON): a list of runs and sweeps over parameter grids and seeds, read with
 * line-and-column errors and expanded into run requests.
 */
package org.quire.core.job;
