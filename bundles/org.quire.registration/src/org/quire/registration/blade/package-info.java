/**
 * The synthetic free-form blade of the spec (§4.3): a twisted, tapered, cambered NACA-4-style blade on a root
 * platform, sampled at random surface parameters, with scanner-like one-sided views, Gaussian noise, uniform outliers
 * and a known rigid pose per view. Test fixture and demo data source.
 */
package org.quire.registration.blade;
