package org.quire.api;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares what an {@link Algorithm} is: put it on the implementing class.
 * Read with {@link AlgorithmDescriptor#of(Class)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AlgorithmInfo {
    /** Stable id, {@code family.name} in lower case, e.g. {@code fbm.hurst}; used on the command line and in job files. */
    String id();

    /** Family shown in the Algorithms view, e.g. {@code fbm}. Defaults to the part of the id before the first dot. */
    String family() default "";

    /** Human-readable name, e.g. "Hurst index". */
    String name();

    /** One or two sentences on what it computes. */
    String description() default "";

    /** Papers or documents it implements, one citation per entry. */
    String[] references() default {};

    /** Whether it can run without a display (true for everything in Quire; false only for UI-bound plugins). */
    boolean headless() default true;
}
