/**
 * The Quire e4 workbench: the application model ids and context keys ({@link org.quire.workbench.QuireIds}),
 * and the model add-on that puts the algorithm registry, run history and run launcher into the
 * application context ({@link org.quire.workbench.QuireAddon}).
 */
package org.quire.workbench;
