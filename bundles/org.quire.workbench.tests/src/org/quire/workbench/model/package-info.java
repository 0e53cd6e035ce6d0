/** Unit tests of the workbench's SWT-free model: run history, run directories, job file export. */
package org.quire.workbench.model;
