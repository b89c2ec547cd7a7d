package org.parvis.app;

/**
 * A configuration or startup problem the operator can fix (a bad option, a malformed {@code
 * parvis.yml}, a busy port, an unreachable database). Its message says what is wrong and how to
 * fix it; the command line prints it without a stack trace and exits with {@link Main#EXIT_CONFIG}.
 */
public final class ParvisConfigException extends RuntimeException {

    public ParvisConfigException(String message) {
        super(message);
    }

    public ParvisConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
