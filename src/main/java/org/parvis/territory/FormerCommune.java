package org.parvis.territory;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A commune that no longer exists on its own, with the current commune that now covers it: a
 * commune déléguée or associée (still a named part of a commune nouvelle or an association), or a
 * former INSEE code merged into a current commune ({@code anciensCodes} in the COG package).
 *
 * <p>Place search uses it to answer a user who types an old commune name or code. The same code
 * can appear with several types (a commune nouvelle often keeps the code of one of its communes
 * déléguées), so a former commune is identified by type and code together.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the INSEE code of the former commune (5 characters, e.g. {@code 29096})
 * @param name its name, or {@code null} for an {@link #ANCIEN_CODE} whose name the COG package does
 *     not give
 * @param type {@link #DELEGUEE}, {@link #ASSOCIEE} or {@link #ANCIEN_CODE}
 * @param current the current commune covering it ({@code fr:commune:…})
 */
public record FormerCommune(String code, @Nullable String name, String type, AreaId current) {

    /** A commune déléguée of a commune nouvelle. */
    public static final String DELEGUEE = "commune-deleguee";

    /** A commune associée. */
    public static final String ASSOCIEE = "commune-associee";

    /** A code merged into a current commune and listed in its {@code anciensCodes}. */
    public static final String ANCIEN_CODE = "ancien-code";

    private static final List<String> TYPES = List.of(DELEGUEE, ASSOCIEE, ANCIEN_CODE);
    private static final Pattern CODE = Pattern.compile("(?:\\d{2}|2A|2B)\\d{3}");
    private static final String COMMUNE_PREFIX = "fr:commune:";

    public FormerCommune {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("former commune code '" + code
                    + "' is not an INSEE commune code (e.g. 29096, 2A004)");
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException(
                    "former commune " + code + " has a blank name; use null when unknown");
        }
        if (!TYPES.contains(type)) {
            throw new IllegalArgumentException("former commune " + code + " has type '" + type
                    + "'; expected one of " + TYPES);
        }
        // A prefix test rather than current.level(): the gazetteer builds thousands of these at
        // start-up.
        if (current == null || !current.value().startsWith(COMMUNE_PREFIX)) {
            throw new IllegalArgumentException("former commune " + code
                    + " must point to a current commune (fr:commune:…), got " + current);
        }
    }
}
