package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/**
 * Public identifier of an area: {@code fr:commune:33063}, {@code fr:arrondissement:75104},
 * {@code fr:epci:243300316}, {@code fr:departement:33}, {@code fr:region:75}, {@code fr}, {@code
 * eu},
 * or {@code local:<sourceId>:<label>} for a source label not mapped to an official area.
 *
 * <p>Immutable and thread-safe. The constructor checks the shape of the code for each level, so an
 * {@code AreaId} is always well formed; whether the area exists is the gazetteer's business.
 */
public record AreaId(String value) implements Comparable<AreaId> {

    private static final Pattern COMMUNE = Pattern.compile("fr:commune:(?:\\d{2}|2A|2B)\\d{3}");
    private static final Pattern ARRONDISSEMENT = Pattern.compile("fr:arrondissement:\\d{5}");
    private static final Pattern EPCI = Pattern.compile("fr:epci:\\d{9}");
    private static final Pattern DEPARTEMENT =
            Pattern.compile("fr:departement:(?:\\d{2}|2A|2B|\\d{3})");
    // The COG gives each overseas collectivity (COM) a 3-digit région code equal to its
    // département code (975, 977, 978, 984, 986-989).
    private static final Pattern REGION = Pattern.compile("fr:region:\\d{2,3}");
    private static final Pattern LOCAL = Pattern.compile("local:[a-z0-9][a-z0-9-]{0,62}:.{1,200}");

    /** France. */
    public static final AreaId FRANCE = new AreaId("fr");

    /** The European Union. */
    public static final AreaId EU = new AreaId("eu");

    public AreaId {
        if (value == null || levelOf(value) == null) {
            throw new IllegalArgumentException("malformed area id '" + value
                    + "'; expected e.g. fr:commune:33063, fr:arrondissement:75104,"
                    + " fr:epci:243300316, fr:departement:33, fr:region:75, fr or eu");
        }
    }

    /** Parses an area id, throwing {@link IllegalArgumentException} with the expected forms. */
    @JsonCreator
    public static AreaId parse(String value) {
        return new AreaId(value);
    }

    /** Returns whether {@code value} is a well-formed area id. */
    public static boolean isValid(String value) {
        return value != null && levelOf(value) != null;
    }

    public static AreaId commune(String inseeCode) {
        return new AreaId("fr:commune:" + inseeCode);
    }

    public static AreaId arrondissement(String inseeCode) {
        return new AreaId("fr:arrondissement:" + inseeCode);
    }

    public static AreaId epci(String siren) {
        return new AreaId("fr:epci:" + siren);
    }

    public static AreaId departement(String code) {
        return new AreaId("fr:departement:" + code);
    }

    public static AreaId region(String code) {
        return new AreaId("fr:region:" + code);
    }

    /** The level this id names. */
    public AreaLevel level() {
        return levelOf(value);
    }

    /** The official code without the level prefix ({@code 33063} for a commune). */
    public String code() {
        int colon = value.lastIndexOf(':');
        return level() == AreaLevel.LOCAL
                ? value.substring(value.indexOf(':', 6) + 1)
                : value.substring(colon + 1);
    }

    private static AreaLevel levelOf(String value) {
        if (value.equals("fr")) {
            return AreaLevel.NATION;
        } else if (value.equals("eu")) {
            return AreaLevel.EU;
        } else if (COMMUNE.matcher(value).matches()) {
            return AreaLevel.COMMUNE;
        } else if (ARRONDISSEMENT.matcher(value).matches()) {
            return AreaLevel.ARRONDISSEMENT;
        } else if (EPCI.matcher(value).matches()) {
            return AreaLevel.EPCI;
        } else if (DEPARTEMENT.matcher(value).matches()) {
            return AreaLevel.DEPARTEMENT;
        } else if (REGION.matcher(value).matches()) {
            return AreaLevel.REGION;
        } else if (LOCAL.matcher(value).matches()) {
            return AreaLevel.LOCAL;
        }
        return null;
    }

    @Override
    public int compareTo(AreaId other) {
        return value.compareTo(other.value);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
