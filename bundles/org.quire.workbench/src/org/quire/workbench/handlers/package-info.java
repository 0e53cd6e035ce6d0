/**
 * Command handlers of the main menu (File, Run, Help), bound in {@code Application.e4xmi}.
 */
package org.quire.workbench.handlers;
