package org.quire.workbench.uitest;

import java.util.Map;

import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.osgi.framework.Bundle;

/**
 * The application context {@code E4Application} is normally given by the application container:
 * command-line arguments plus branding from the running product ({@code -product}), so that the
 * workbench reads {@code applicationXMI}, {@code cssTheme} and the other properties from
 * {@code plugin.xml} exactly as when launched.
 */
final class HarnessApplicationContext implements IApplicationContext {

    private final Map<String, Object> arguments;
    private final IProduct product;

    HarnessApplicationContext(String... args) {
        this.arguments = Map.of(APPLICATION_ARGS, args.clone());
        this.product = Platform.getProduct();
    }

    @Override
    public Map<String, Object> getArguments() {
        return arguments;
    }

    @Override
    public void applicationRunning() {
        // no splash screen to take down
    }

    @Override
    public String getBrandingApplication() {
        return product == null ? null : product.getApplication();
    }

    @Override
    public String getBrandingName() {
        return product == null ? null : product.getName();
    }

    @Override
    public String getBrandingDescription() {
        return product == null ? null : product.getDescription();
    }

    @Override
    public String getBrandingId() {
        return product == null ? null : product.getId();
    }

    @Override
    public String getBrandingProperty(String key) {
        return product == null ? null : product.getProperty(key);
    }

    @Override
    public Bundle getBrandingBundle() {
        return product == null ? null : product.getDefiningBundle();
    }

    @Override
    public void setResult(Object result, IApplication application) {
        // only for asynchronous applications
    }
}
