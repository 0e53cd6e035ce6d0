package org.quire.core.internal;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.quire.api.Algorithm;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;

/**
 * The OSGi face of the {@link AlgorithmRegistry}: a Declarative Services component that publishes
 * the registry as a service and binds every {@link Algorithm} service dynamically (whiteboard),
 * recording the providing bundle's symbolic name and version as its {@link Origin}. An algorithm
 * whose descriptor cannot be read becomes a registry problem; the component stays active.
 */
@Component(service = AlgorithmRegistry.class, immediate = true)
public final class OsgiAlgorithmRegistry extends AlgorithmRegistry {

    /** Binds one algorithm service; called by DS, possibly concurrently with other binds. */
    @Reference(name = "algorithm", service = Algorithm.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "unbindAlgorithm")
    void bindAlgorithm(Algorithm<?> algorithm, ServiceReference<?> reference) {
        add(algorithm, originOf(reference, algorithm));
    }

    /** Unbinds one algorithm service (its bundle stopped or it was unregistered). */
    void unbindAlgorithm(Algorithm<?> algorithm) {
        remove(algorithm);
    }

    /**
     * The providing bundle's symbolic name and version, or the class's origin when the service is
     * already gone (no bundle).
     */
    static Origin originOf(ServiceReference<?> reference, Object service) {
        Bundle bundle = reference == null ? null : reference.getBundle();
        if (bundle == null) {
            return Origin.of(service.getClass());
        }
        String name = bundle.getSymbolicName();
        return new Origin(name == null ? "bundle " + bundle.getBundleId() : name, bundle.getVersion().toString());
    }
}
