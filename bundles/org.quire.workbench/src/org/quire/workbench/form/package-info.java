/**
 * Forms generated from an algorithm's {@link org.quire.api.params.ParameterSchema} and input slots:
 * one labelled row per parameter with inline validation, a file row per input slot, file
 * drag-and-drop. SWT only (no e4), so the forms can be reused outside the workbench. UI thread only.
 */
package org.quire.workbench.form;
