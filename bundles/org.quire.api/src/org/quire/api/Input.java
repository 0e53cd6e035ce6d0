package org.quire.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares one input file slot of an {@link Algorithm}; repeat the annotation for several slots.
 * Inputs are given in declaration order ({@code --input a --input b}); the last slot may take several
 * files when {@link #maxCount()} is greater than one.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Inputs.class)
public @interface Input {
    /** Name of the slot, e.g. {@code series}. */
    String name();

    /** What the file holds. */
    String description() default "";

    /** Accepted formats as file extensions without the dot, lower case, e.g. {@code {"csv"}}; empty means any. */
    String[] formats() default {};

    /** Fewest files this slot takes (0 makes it optional). */
    int minCount() default 1;

    /** Most files this slot takes. */
    int maxCount() default 1;
}
