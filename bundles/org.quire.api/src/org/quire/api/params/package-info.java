/**
 * Parameter schemas: one annotated record per algorithm ({@link org.quire.api.params.Param} on its
 * components) drives the workbench form, the command line's {@code --param k=v}, job files and
 * provenance. {@link org.quire.api.params.ParameterSchema} reads the record, parses and checks text
 * values and builds record instances. Supported component types: {@code int}, {@code long},
 * {@code double}, {@code boolean}, {@code String} and enums.
 */
package org.quire.api.params;
