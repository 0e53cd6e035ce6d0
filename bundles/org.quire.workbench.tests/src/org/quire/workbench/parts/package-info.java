/** Tests of the workbench parts: formatting helpers, and the whole workbench driven through its widgets. */
package org.quire.workbench.parts;
