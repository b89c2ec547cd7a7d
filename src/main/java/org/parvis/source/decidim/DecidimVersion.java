package org.parvis.source.decidim;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Decidim API generations the connector has queries for. Versions in between map to the older
 * generation (0.29 to {@link #V0_28} unless it already has taxonomies); versions after 0.30 are
 * queried as {@link #V0_30}.
 *
 * <p>Immutable and thread-safe.
 */
public enum DecidimVersion {
    /** 0.27: scopes and categories; step dates are plain dates. */
    V0_27("0.27"),
    /** 0.28 (and 0.29 without taxonomies): as 0.27, step dates with times, space manifests. */
    V0_28("0.28"),
    /** 0.30: taxonomies replace scopes and categories on resources; proposals can be withdrawn. */
    V0_30("0.30");

    private static final Pattern NUMBER = Pattern.compile("(\\d+)\\.(\\d+)");

    private final String label;

    DecidimVersion(String label) {
        this.label = label;
    }

    /** {@code 0.27}, {@code 0.28} or {@code 0.30}. */
    public String label() {
        return label;
    }

    /** The generation whose schema has these features (from introspection). */
    static DecidimVersion ofFeatures(boolean taxonomies, boolean manifests) {
        if (taxonomies) {
            return V0_30;
        }
        return manifests ? V0_28 : V0_27;
    }

    /** Whether a version string names a release after the newest generation known here. */
    static boolean isNewerThanKnown(String version) {
        return minor(version).map(minor -> minor > 30).orElse(false);
    }

    /** Whether a version string names a release before the oldest generation known here. */
    static boolean isOlderThanKnown(String version) {
        return minor(version).map(minor -> minor < 27).orElse(false);
    }

    private static Optional<Integer> minor(String version) {
        Matcher m = NUMBER.matcher(version);
        if (!m.find() || !"0".equals(m.group(1))) {
            return Optional.empty();
        }
        return Optional.of(Integer.parseInt(m.group(2)));
    }
}
