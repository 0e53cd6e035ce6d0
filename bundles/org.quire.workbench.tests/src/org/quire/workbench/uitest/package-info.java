/**
 * Drives the real Quire e4 workbench in-process for UI tests: starts it from the product's
 * application model on a UI thread of its own, runs code on that thread, waits for conditions and
 * saves screenshots.
 */
package org.quire.workbench.uitest;
