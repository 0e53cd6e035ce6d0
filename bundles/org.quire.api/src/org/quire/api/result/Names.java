package org.quire.api.result;

import java.util.regex.Pattern;

/** Checks item names, which become file names in run directories. */
final class Names {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    private Names() {
    }

    static String check(String kind, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(kind + " name '" + name
                    + "' must be 1-100 characters of letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }
}
