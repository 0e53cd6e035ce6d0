package org.quire.batch;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.service.component.runtime.dto.UnsatisfiedReferenceDTO;
import org.quire.batch.cli.CliEnvironment.BundleInfo;
import org.quire.batch.cli.CliEnvironment.ComponentInfo;
import org.quire.batch.cli.CliEnvironment.Diagnostics;
import org.quire.core.plugins.PluginFolder;

/** Reads bundles and Declarative Services components from the running framework for {@code quire doctor}. */
final class RuntimeDiagnostics {
    private RuntimeDiagnostics() {
    }

    static Diagnostics collect(BundleContext bc, PluginFolder plugins) {
        List<BundleInfo> bundles = new ArrayList<>();
        for (Bundle b : bc.getBundles()) {
            bundles.add(new BundleInfo(b.getSymbolicName(), b.getVersion().toString(), state(b.getState())));
        }
        bundles.sort(Comparator.comparing(BundleInfo::symbolicName, Comparator.nullsFirst(Comparator.naturalOrder())));
        List<ComponentInfo> components = new ArrayList<>();
        ServiceReference<ServiceComponentRuntime> ref = bc.getServiceReference(ServiceComponentRuntime.class);
        if (ref == null) {
            components.add(new ComponentInfo("(Declarative Services)", "org.apache.felix.scr", "missing",
                    List.of("no ServiceComponentRuntime service: org.apache.felix.scr is not active")));
        } else {
            ServiceComponentRuntime scr = bc.getService(ref);
            try {
                for (ComponentDescriptionDTO d : scr.getComponentDescriptionDTOs()) {
                    components.add(component(scr, d));
                }
            } finally {
                bc.ungetService(ref);
            }
        }
        components.sort(Comparator.comparing(ComponentInfo::name));
        return new Diagnostics(bundles, components, plugins.statuses());
    }

    private static ComponentInfo component(ServiceComponentRuntime scr, ComponentDescriptionDTO d) {
        String bundle = d.bundle.symbolicName;
        if (!scr.isComponentEnabled(d)) {
            return new ComponentInfo(d.name, bundle, "disabled", List.of());
        }
        List<String> problems = new ArrayList<>();
        String state = "no configuration";
        for (ComponentConfigurationDTO c : scr.getComponentConfigurationDTOs(d)) {
            state = switch (c.state) {
                case ComponentConfigurationDTO.ACTIVE -> "active";
                case ComponentConfigurationDTO.SATISFIED -> "satisfied";
                case ComponentConfigurationDTO.UNSATISFIED_REFERENCE -> "unsatisfied reference";
                case ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION -> "unsatisfied configuration";
                case ComponentConfigurationDTO.FAILED_ACTIVATION -> "failed activation";
                default -> "state " + c.state;
            };
            for (UnsatisfiedReferenceDTO u : c.unsatisfiedReferences) {
                problems.add("reference '" + u.name + "' (" + u.target + ")");
            }
            if (c.state == ComponentConfigurationDTO.FAILED_ACTIVATION) {
                String failure = c.failure == null ? "(no reason given)" : c.failure.strip().lines().findFirst().orElse("").trim();
                problems.add("activation failed: " + failure);
            }
            if (c.state == ComponentConfigurationDTO.UNSATISFIED_CONFIGURATION) {
                problems.add("configuration required by policy");
            }
        }
        return new ComponentInfo(d.name, bundle, state, problems);
    }

    private static String state(int s) {
        return switch (s) {
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.ACTIVE -> "ACTIVE";
            default -> "state " + s;
        };
    }
}
