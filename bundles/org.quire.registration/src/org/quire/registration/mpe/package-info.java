/**
 * The minimum-potential-energy (MPE) global stage: the negative-full-inverse energy and its force/torque operator
 * ({@link org.quire.registration.mpe.PotentialField}), the two-flag stride-controlled rigid descent
 * ({@link org.quire.registration.mpe.MpeDescent}) and the multi-start driver
 * ({@link org.quire.registration.mpe.MpeGlobalRegistrar}). Parts the paper does not give are reconstructions (spec
 * §1.3–1.4, marked [R]) and are parameters in {@link org.quire.registration.mpe.MpeSettings}.
 */
package org.quire.registration.mpe;
