/** Tests of the texts the generated forms show for parameters. */
package org.quire.workbench.form;
