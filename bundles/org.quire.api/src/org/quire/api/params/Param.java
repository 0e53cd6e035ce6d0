package org.quire.api.params;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes one component of an algorithm's parameter record.
 *
 * <pre>{@code
 * public record Params(
 *     @Param(label = "Hurst index", unit = "", min = 0, max = 1, minExclusive = true, maxExclusive = true,
 *            defaultValue = "0.7", description = "Roughness of the noise") double hurst,
 *     @Param(label = "Method", defaultValue = "whittle", choices = {"whittle", "dfa"}) String method) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface Param {
    /** Label for forms; defaults to the component name. */
    String label() default "";

    /** One sentence on what it does. */
    String description() default "";

    /** Physical or logical unit, e.g. {@code s}, {@code mm}, {@code deg}; empty when dimensionless. */
    String unit() default "";

    /** Smallest allowed value of a number. */
    double min() default Double.NEGATIVE_INFINITY;

    /** Largest allowed value of a number. */
    double max() default Double.POSITIVE_INFINITY;

    /** Whether {@link #min()} itself is excluded. */
    boolean minExclusive() default false;

    /** Whether {@link #max()} itself is excluded. */
    boolean maxExclusive() default false;

    /**
     * Default as text, parsed like a command-line value. Required: every parameter has a default,
     * so that a run with no {@code --param} is well defined (use an empty string for "none" on a
     * {@code String}).
     */
    String defaultValue();

    /** Allowed values for a {@code String}; enums take their constants' names automatically. */
    String[] choices() default {};
}
