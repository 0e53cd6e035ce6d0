package org.quire.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceEvent;
import org.osgi.framework.ServiceListener;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.quire.api.Algorithm;
import org.quire.api.AlgorithmDescriptor;
import org.quire.api.AlgorithmInfo;
import org.quire.api.InputFile;
import org.quire.api.RunContext;
import org.quire.api.result.Result;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;
import org.quire.core.registry.RegistryProblem;

/**
 * The Declarative Services component as Felix SCR runs it in the test framework: it publishes an
 * {@link AlgorithmRegistry} service that follows {@link Algorithm} services as they come and go.
 * The waits below only guard against a hang; nothing is asserted about time.
 */
class OsgiAlgorithmRegistryComponentTest {

    private static final long HANG_GUARD_SECONDS = 60;

    public record NoParams() {
    }

    @AlgorithmInfo(id = "osgi.whiteboard", name = "Whiteboard")
    static class Whiteboard implements Algorithm<NoParams> {
        @Override
        public Class<NoParams> parameterType() {
            return NoParams.class;
        }

        @Override
        public Result run(NoParams p, List<InputFile> in, RunContext ctx) {
            return Result.empty();
        }
    }

    static final class BrokenWhiteboard extends Whiteboard {
        @Override
        public AlgorithmDescriptor descriptor() {
            throw new IllegalArgumentException("no schema");
        }
    }

    private static BundleContext context() throws Exception {
        Bundle host = FrameworkUtil.getBundle(OsgiAlgorithmRegistry.class);
        if (host.getBundleContext() == null) {
            host.start(Bundle.START_TRANSIENT);
        }
        return host.getBundleContext();
    }

    private static AlgorithmRegistry registryService(BundleContext context) throws Exception {
        CountDownLatch published = new CountDownLatch(1);
        ServiceListener listener = e -> {
            if (e.getType() == ServiceEvent.REGISTERED) {
                published.countDown();
            }
        };
        context.addServiceListener(listener, "(objectClass=" + AlgorithmRegistry.class.getName() + ")");
        try {
            ServiceReference<AlgorithmRegistry> ref = context.getServiceReference(AlgorithmRegistry.class);
            if (ref == null) {
                assertThat(published.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("registry service published").isTrue();
                ref = context.getServiceReference(AlgorithmRegistry.class);
            }
            AlgorithmRegistry registry = context.getService(ref);
            assertThat(registry).isInstanceOf(OsgiAlgorithmRegistry.class);
            return registry;
        } finally {
            context.removeServiceListener(listener);
        }
    }

    /** Runs {@code change} and waits until the registry has notified its subscribers once. */
    private static void changeAndWait(AlgorithmRegistry registry, Runnable change) throws Exception {
        CountDownLatch changed = new CountDownLatch(1);
        try (AutoCloseable s = registry.subscribe(changed::countDown)) {
            change.run();
            assertThat(changed.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS)).as("registry notified").isTrue();
        }
    }

    @Test
    void algorithmServicesAreBoundAndUnboundDynamically() throws Exception {
        BundleContext context = context();
        AlgorithmRegistry registry = registryService(context);
        Whiteboard algorithm = new Whiteboard();
        ServiceRegistration<?>[] reg = new ServiceRegistration<?>[1];

        changeAndWait(registry, () -> reg[0] = context.registerService(Algorithm.class.getName(), algorithm, null));
        assertThat(registry.find("osgi.whiteboard")).hasValueSatisfying(r -> {
            assertThat(r.algorithm()).isSameAs(algorithm);
            assertThat(r.origin()).isEqualTo(new Origin(context.getBundle().getSymbolicName(), context.getBundle().getVersion().toString()));
        });

        changeAndWait(registry, reg[0]::unregister);
        assertThat(registry.find("osgi.whiteboard")).isEmpty();
    }

    @Test
    void aBrokenAlgorithmServiceIsAProblemAndTheComponentStaysUp() throws Exception {
        BundleContext context = context();
        AlgorithmRegistry registry = registryService(context);
        ServiceRegistration<?>[] reg = new ServiceRegistration<?>[1];

        changeAndWait(registry, () -> reg[0] = context.registerService(Algorithm.class.getName(), new BrokenWhiteboard(), null));
        assertThat(registry.problems()).extracting(RegistryProblem::message)
                .contains("invalid parameter schema or descriptor: IllegalArgumentException: no schema");
        assertThat(context.getServiceReference(AlgorithmRegistry.class)).isNotNull();

        changeAndWait(registry, reg[0]::unregister);
        assertThat(registry.problems()).extracting(RegistryProblem::source).noneMatch(s -> s.contains(BrokenWhiteboard.class.getName()));
    }
}
