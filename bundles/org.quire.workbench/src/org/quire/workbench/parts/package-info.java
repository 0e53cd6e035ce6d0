/**
 * The workbench's parts (Algorithms, Parameters, Runs, Result) and the progress line in the bottom
 * trim, created by the e4 renderer from {@code Application.e4xmi} with dependency injection. All
 * methods run on the UI thread unless stated otherwise.
 */
package org.quire.workbench.parts;
