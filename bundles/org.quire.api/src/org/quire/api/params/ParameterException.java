package org.quire.api.params;

/**
 * A parameter value was not acceptable. {@link #getMessage()} names the parameter, what was given
 * and what was expected, e.g. {@code hurst: 1.5 is out of range (0, 1)}.
 */
public class ParameterException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String parameter;

    public ParameterException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    /** The parameter's name. */
    public String parameter() {
        return parameter;
    }
}
