package org.quire.core.plugins;

/**
 * A plugin jar could not be installed or removed. The message says which file or name and what was
 * expected, in words a user can act on.
 */
public final class PluginException extends Exception {
    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and what was expected */
    public PluginException(String message) {
        super(message);
    }

    public PluginException(String message, Throwable cause) {
        super(message, cause);
    }
}
