package org.quire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmDescriptor;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Result;
import org.quire.core.registry.Origin;
import org.quire.core.registry.RegisteredAlgorithm;
import org.quire.core.registry.RegistryProblem;

/** The DS component's bind/unbind, with real service references from the running framework. */
class OsgiAlgorithmRegistryTest {

    public record NoParams() {
    }

    @AlgorithmInfo(id = "osgi.good", name = "Good")
    static class Good implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    static final class Broken extends Good {
        @Override
        public AlgorithmDescriptor descriptor() {
            throw new IllegalStateException("schema file missing from the bundle");
        }
    }

    private Bundle host;
    private BundleContext context;

    @BeforeEach
    void setUp() throws BundleException {
        host = FrameworkUtil.getBundle(OsgiAlgorithmRegistry.class);
        assertThat(host).as("the tests run inside an OSGi framework").isNotNull();
        if (host.getBundleContext() == null) {
            host.start(Bundle.START_TRANSIENT);
        }
        context = host.getBundleContext();
    }

    private final List<ServiceRegistration<?>> registrations = new java.util.ArrayList<>();

    @AfterEach
    void tearDown() {
        for (ServiceRegistration<?> r : registrations) {
            try {
                r.unregister();
            } catch (IllegalStateException alreadyGone) {
                // unregistered by the test itself
            }
        }
    }

    private ServiceRegistration<?> register(Algorithm<?> algorithm) {
        ServiceRegistration<?> r = context.registerService(Algorithm.class.getName(), algorithm, null);
        registrations.add(r);
        return r;
    }

    @Test
    void bindRecordsTheProvidingBundleAndUnbindRemoves() {
        Good good = new Good();
        ServiceRegistration<?> reg = register(good);
        OsgiAlgorithmRegistry registry = new OsgiAlgorithmRegistry();

        registry.bindAlgorithm(good, reg.getReference());

        RegisteredAlgorithm found = registry.find("osgi.good").orElseThrow();
        assertThat(found.algorithm()).isSameAs(good);
        assertThat(found.origin()).isEqualTo(new Origin("org.quire.core", host.getVersion().toString()));
        assertThat(found.origin().version()).startsWith("0.1.0");

        registry.unbindAlgorithm(good);
        assertThat(registry.algorithms()).isEmpty();
    }

    @Test
    void aThrowingDescriptorBecomesAProblemNamingTheBundle() {
        Broken broken = new Broken();
        ServiceRegistration<?> reg = register(broken);
        OsgiAlgorithmRegistry registry = new OsgiAlgorithmRegistry();

        registry.bindAlgorithm(broken, reg.getReference());
        Good good = new Good();
        registry.bindAlgorithm(good, register(good).getReference());

        assertThat(registry.problems()).containsExactly(new RegistryProblem(
                "org.quire.core " + host.getVersion() + " (class " + Broken.class.getName() + ")",
                "descriptor could not be read: IllegalStateException: schema file missing from the bundle", "org.quire.core", ""));
        assertThat(registry.algorithms()).extracting(r -> (Object) r.algorithm()).containsExactly(good);
        registry.unbindAlgorithm(broken);
        assertThat(registry.problems()).isEmpty();
    }

    @Test
    void aReferenceWhoseServiceIsGoneFallsBackToTheClass() {
        Good good = new Good();
        ServiceRegistration<?> reg = register(good);
        var reference = reg.getReference();
        reg.unregister();
        assertThat(reference.getBundle()).isNull();
        assertThat(OsgiAlgorithmRegistry.originOf(reference, good)).isEqualTo(Origin.of(Good.class));
    }
}
