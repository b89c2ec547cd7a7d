package org.parvis.app;

import java.net.URI;

/**
 * The version of this build, read from the jar manifest ({@code dev} when running from classes),
 * and the default contact URL sent in the harvesters' {@code User-Agent}.
 *
 * <p>Stateless and thread-safe.
 */
public final class Version {

    /**
     * Where platform operators learn who harvests them, unless {@code parvis.yml} names the node's
     * own page with {@code contact}.
     *
     * <p>TODO(#4): point to the project's public page once it has one.
     */
    public static final URI DEFAULT_CONTACT = URI.create("https://parvis.example/harvester");

    private Version() {}

    /** {@code 0.1.0} in a packaged jar, {@code dev} otherwise. */
    public static String current() {
        String version = Version.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
