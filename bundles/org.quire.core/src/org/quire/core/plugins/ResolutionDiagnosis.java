package org.quire.core.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleException;
import org.osgi.framework.namespace.BundleNamespace;
import org.osgi.framework.namespace.ExecutionEnvironmentNamespace;
import org.osgi.framework.namespace.HostNamespace;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRequirement;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.resource.Namespace;

/**
 * Says in words why a bundle does not resolve: each mandatory requirement that no installed bundle
 * satisfies ("needs package org.foo [1.0,2) which no installed bundle exports"), or whose only
 * providers do not resolve themselves. Falls back to the framework's own message. Stateless.
 */
final class ResolutionDiagnosis {

    private static final Pattern NAME = Pattern.compile("\\(([\\w.-]+)=([^)(&|!]+)\\)");
    private static final Pattern AT_LEAST = Pattern.compile("(?<!!)\\((?:bundle-)?version>=([^)]+)\\)");
    private static final Pattern BELOW = Pattern.compile("\\(!\\((?:bundle-)?version>=([^)]+)\\)\\)");
    private static final Pattern AT_MOST = Pattern.compile("(?<!!)\\((?:bundle-)?version<=([^)]+)\\)");
    private static final Pattern ABOVE = Pattern.compile("\\(!\\((?:bundle-)?version<=([^)]+)\\)\\)");
    private static final Pattern EXACT = Pattern.compile("\\((?:bundle-)?version=([^)]+)\\)");

    private ResolutionDiagnosis() {
    }

    /**
     * Why {@code bundle} is not resolved, in words; several reasons are joined with "; ".
     *
     * @param frameworkMessage the framework's message from a failed start, or null
     */
    static String explain(Bundle bundle, FrameworkWiring wiring, String frameworkMessage) {
        BundleRevision revision = bundle.adapt(BundleRevision.class);
        List<String> reasons = new ArrayList<>();
        if (revision != null) {
            for (BundleRequirement r : revision.getDeclaredRequirements(null)) {
                if (Namespace.RESOLUTION_OPTIONAL.equals(r.getDirectives().get(Namespace.REQUIREMENT_RESOLUTION_DIRECTIVE))) {
                    continue;
                }
                String reason = unmet(r, bundle, wiring);
                if (reason != null) {
                    reasons.add(reason);
                }
            }
        }
        if (!reasons.isEmpty()) {
            return String.join("; ", reasons);
        }
        if (frameworkMessage != null && !frameworkMessage.isBlank()) {
            String m = frameworkMessage.replaceAll("\\s+", " ").trim();
            int at = m.indexOf("Unresolved requirement");
            return at >= 0 ? m.substring(at) : m;
        }
        return "the framework could not resolve it (see 'quire doctor')";
    }

    /** The reason this requirement is not met, or null when some resolved (or resolvable) bundle provides it. */
    private static String unmet(BundleRequirement r, Bundle self, FrameworkWiring wiring) {
        Collection<BundleCapability> providers = wiring.findProviders(r);
        List<String> unresolvedProviders = new ArrayList<>();
        for (BundleCapability c : providers) {
            Bundle p = c.getRevision().getBundle();
            if (p == null || p.equals(self) || p.getState() != Bundle.INSTALLED) {
                return null; // provided by a resolved bundle (or by itself)
            }
            unresolvedProviders.add(p.getSymbolicName());
        }
        String what = describe(r);
        if (!unresolvedProviders.isEmpty()) {
            return "needs " + what + ", provided only by " + String.join(", ", unresolvedProviders)
                    + (unresolvedProviders.size() == 1 ? ", which does not resolve itself" : ", which do not resolve themselves");
        }
        return switch (r.getNamespace()) {
            case PackageNamespace.PACKAGE_NAMESPACE -> "needs " + what + " which no installed bundle exports";
            case BundleNamespace.BUNDLE_NAMESPACE -> "needs " + what + " which is not installed";
            case HostNamespace.HOST_NAMESPACE -> "is a fragment of " + what + " which is not installed";
            case ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE -> "needs " + what
                    + " which this Java (" + System.getProperty("java.version") + ") does not provide";
            default -> "needs " + what + " which no installed bundle provides";
        };
    }

    /** "package org.foo [1.0,2)", "bundle org.bar", "Java environment (…)", or the namespace and filter. */
    static String describe(BundleRequirement r) {
        String filter = r.getDirectives().getOrDefault(Namespace.REQUIREMENT_FILTER_DIRECTIVE, "");
        String ns = r.getNamespace();
        String kind = switch (ns) {
            case PackageNamespace.PACKAGE_NAMESPACE -> "package";
            case BundleNamespace.BUNDLE_NAMESPACE -> "bundle";
            case HostNamespace.HOST_NAMESPACE -> "host bundle";
            default -> null;
        };
        if (kind == null) {
            if (ExecutionEnvironmentNamespace.EXECUTION_ENVIRONMENT_NAMESPACE.equals(ns)) {
                return "Java environment " + filter;
            }
            return "capability " + ns + (filter.isEmpty() ? "" : " " + filter);
        }
        String name = null;
        Matcher m = NAME.matcher(filter);
        while (m.find()) {
            if (m.group(1).equals(ns)) {
                name = m.group(2);
                break;
            }
        }
        String range = range(filter);
        return kind + " " + (name == null ? filter : name) + (range.isEmpty() ? "" : " " + range);
    }

    /** The version range a filter expresses, in interval notation ("[1.0.0,2.0.0)"), or empty for any version. */
    static String range(String filter) {
        String low = find(AT_LEAST, filter);
        String lowOpen = find(ABOVE, filter);
        String high = find(BELOW, filter);
        String highClosed = find(AT_MOST, filter);
        String exact = find(EXACT, filter);
        if (exact != null) {
            return "[" + exact + "," + exact + "]";
        }
        if (low == null && lowOpen == null && high == null && highClosed == null) {
            return "";
        }
        String left = low != null ? "[" + low : lowOpen != null ? "(" + lowOpen : "[0.0.0";
        if (high == null && highClosed == null) {
            return left.startsWith("[") ? low == null ? "" : low + " or later" : "above " + lowOpen;
        }
        String right = high != null ? high + ")" : highClosed + "]";
        return left + "," + right;
    }

    private static String find(Pattern p, String filter) {
        Matcher m = p.matcher(filter);
        return m.find() ? m.group(1) : null;
    }

    /** The message of a start failure, without the framework's line breaks. */
    static String message(BundleException e) {
        return String.valueOf(e.getMessage()).replaceAll("\\s+", " ").trim();
    }
}
