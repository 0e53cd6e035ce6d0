/**
 * User plugins: the Quire home folder ({@code -Dquire.home}, {@code $QUIRE_HOME} or {@code ~/.quire})
 * and the bundles in its {@code plugins} folder, installed at start by both products. A plugin that
 * does not resolve is reported with the missing requirement, and everything else keeps working.
 */
package org.quire.core.plugins;
