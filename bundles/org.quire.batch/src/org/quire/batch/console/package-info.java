/** Terminal output of runs: a progress bar on a terminal, plain progress lines otherwise. */
package org.quire.batch.console;
