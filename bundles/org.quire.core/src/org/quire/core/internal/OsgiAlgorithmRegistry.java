package org.quire.core.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.quire.api.Algorithm;
import org.quire.core.registry.AlgorithmRegistry;
import org.quire.core.registry.Origin;
import org.quire.core.registry.RegistryProblem;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;

/**
 * The OSGi face of the {@link AlgorithmRegistry}: a Declarative Services component that publishes
 * the registry as a service and binds every {@link Algorithm} service dynamically (whiteboard),
 * recording the providing bundle's symbolic name and version as its {@link Origin}. An algorithm
 * whose descriptor cannot be read becomes a registry problem; the component stays active. Components
 * of service type {@code Algorithm} that failed to activate (their constructor or activate method
 * threw) or wait for a service nobody provides are reported as problems too, read from the
 * Declarative Services runtime each time {@link #problems()} is called.
 */
@Component(service = AlgorithmRegistry.class, immediate = true)
public final class OsgiAlgorithmRegistry extends AlgorithmRegistry {

    private volatile BundleContext context;

    @Activate
    void activate(BundleContext bundleContext) {
        this.context = bundleContext;
    }

    @Deactivate
    void deactivate() {
        this.context = null;
    }

    @Override
    protected List<RegistryProblem> hostProblems() {
        BundleContext bc = context;
        if (bc == null) {
            return List.of();
        }
        try {
            ServiceReference<ServiceComponentRuntime> ref = bc.getServiceReference(ServiceComponentRuntime.class);
            if (ref == null) {
                return List.of();
            }
            ServiceComponentRuntime scr = bc.getService(ref);
            if (scr == null) {
                return List.of();
            }
            try {
                return componentProblems(bc, scr);
            } finally {
                bc.ungetService(ref);
            }
        } catch (IllegalStateException e) {
            return List.of(); // the framework is stopping
        }
    }

    /** Algorithm components that failed to activate or cannot be satisfied, as problems naming their bundle. */
    static List<RegistryProblem> componentProblems(BundleContext bc, ServiceComponentRuntime scr) {
        List<RegistryProblem> problems = new ArrayList<>();
        for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
            if (d.serviceInterfaces == null || !Arrays.asList(d.serviceInterfaces).contains(Algorithm.class.getName())) {
                continue;
            }
            for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
                String message = switch (c.state) {
                    case ComponentConfigurationDTO.FAILED_ACTIVATION -> "component " + d.name + " failed to activate: "
                            + firstLine(c.failure);
                    case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "component " + d.name + " waits for "
                            + unsatisfied(c.unsatisfiedReferences) + " which no bundle provides";
                    default -> null;
                };
                if (message == null) {
                    continue;
                }
                String bsn = d.bundle.symbolicName;
                Bundle b = bc.getBundle(d.bundle.id);
                String version = b == null ? "" : b.getVersion().toString();
                String id = "";
                try {
                    id = b == null ? "" : declaredId(b.loadClass(d.implementationClass));
                } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
                    message += " (class " + d.implementationClass + " cannot be loaded: " + e + ")";
                }
                problems.add(new RegistryProblem(bsn + " " + version + " (class " + d.implementationClass + ")", message, bsn, id));
            }
        }
        return problems;
    }

    private static String unsatisfied(UnsatisfiedReferenceDTO[] refs) {
        List<String> names = new ArrayList<>();
        if (refs != null) {
            for (UnsatisfiedReferenceDTO u : refs) {
                names.add("reference '" + u.name + "'" + (u.target == null ? "" : " " + u.target));
            }
        }
        return names.isEmpty() ? "a reference" : String.join(", ", names);
    }

    /** The first line of a failure text (DS gives the whole stack trace), without the framework's prefixes. */
    static String firstLine(String failure) {
        if (failure == null || failure.isBlank()) {
            return "(no reason given)";
        }
        String line = failure.strip().lines().findFirst().orElse("").trim();
        return line.isEmpty() ? "(no reason given)" : line;
    }

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
