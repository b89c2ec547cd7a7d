package org.parvis.alert;

import org.jspecify.annotations.Nullable;
import org.parvis.feed.FeedQuery;
import org.parvis.model.AreaId;
import org.parvis.model.ProcessType;
import org.parvis.theme.ThemeCatalog;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a person asks to follow: an address, a saved query, a frequency and a language. {@link
 * #parse} validates raw request fields and names the bad one.
 *
 * <p>Immutable and thread-safe.
 */
public record SubscriptionRequest(
        String email, AlertQuery query, Frequency frequency, String language) {

    /** The request fields, as the JSON body and the form name them. */
    public static final List<String> FIELDS =
            List.of("email", "place", "themes", "kinds", "scope", "frequency", "language");

    /** The languages mails and pages are written in. */
    public static final List<String> LANGUAGES = List.of("fr", "en");

    public static final List<String> SCOPES = List.of("around", "within");

    public static final int MAX_EMAIL_CHARS = 254;
    public static final int MAX_THEMES = 20;

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>(),;:\"\\[\\]\\\\]{1,64}@"
            + "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
            + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    private static final List<String> KINDS =
            Arrays.stream(ProcessType.values()).map(ProcessType::code).toList();

    public SubscriptionRequest {
        if (email == null || query == null || frequency == null || language == null) {
            throw new IllegalArgumentException(
                    "a subscription needs an address, a query, a" + " frequency and a language");
        }
        if (!LANGUAGES.contains(language)) {
            throw new IllegalArgumentException(
                    "language '" + language + "' is not one of " + LANGUAGES);
        }
    }

    /**
     * Validates raw fields: {@code email} and {@code place} are required; {@code scope} defaults
     * to {@code around}, {@code frequency} to {@code daily}, {@code language} to {@code fr}; empty
     * lists follow every theme or kind. Throws {@link InvalidSubscriptionException} naming the
     * first bad field.
     */
    public static SubscriptionRequest parse(
            @Nullable String email,
            @Nullable String place,
            List<String> themes,
            List<String> kinds,
            @Nullable String scope,
            @Nullable String frequency,
            @Nullable String language,
            ThemeCatalog catalog) {
        String address = parseEmail(email);
        AreaId area = parsePlace(place);
        Set<String> themeIds = parseThemes(themes, catalog);
        Set<ProcessType> kindSet = EnumSet.noneOf(ProcessType.class);
        for (String kind : kinds) {
            kindSet.add(ProcessType.parse(oneOf("kinds", kind.strip(), KINDS)));
        }
        String scopeCode = blank(scope) ? "around" : oneOf("scope", scope.strip(), SCOPES);
        Frequency often = blank(frequency)
                ? Frequency.DAILY
                : Frequency.parse(oneOf("frequency", frequency.strip(), Frequency.CODES));
        String lang = blank(language) ? "fr" : oneOf("language", language.strip(), LANGUAGES);
        AlertQuery query = new AlertQuery(
                area,
                FeedQuery.Scope.valueOf(scopeCode.toUpperCase(Locale.ROOT)),
                themeIds,
                kindSet);
        return new SubscriptionRequest(address, query, often, lang);
    }

    private static String parseEmail(@Nullable String email) {
        if (blank(email)) {
            throw new InvalidSubscriptionException(
                    "email",
                    null,
                    "field 'email' is required: the address the alerts are sent to",
                    List.of("an e-mail address such as name@example.org"));
        }
        String address = email.strip();
        int at = address.lastIndexOf('@');
        if (address.length() > MAX_EMAIL_CHARS || !EMAIL.matcher(address).matches()) {
            throw new InvalidSubscriptionException(
                    "email",
                    address,
                    "field 'email' is not an e-mail address; expected name@domain.tld, at most "
                            + MAX_EMAIL_CHARS + " characters",
                    List.of("an e-mail address such as name@example.org"));
        }
        // The domain is case-insensitive; the local part is kept as given.
        return address.substring(0, at + 1) + address.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    private static AreaId parsePlace(@Nullable String place) {
        List<String> forms = List.of(
                "fr:commune:<INSEE code>",
                "fr:arrondissement:<INSEE code>",
                "fr:epci:<SIREN>",
                "fr:departement:<code>",
                "fr:region:<code>",
                "fr",
                "eu");
        if (blank(place)) {
            throw new InvalidSubscriptionException(
                    "place",
                    null,
                    "field 'place' is required: the area id of the place to follow, e.g."
                            + " fr:commune:33063 (Bordeaux), fr:departement:33 or fr",
                    forms);
        }
        String value = place.strip();
        if (!AreaId.isValid(value)) {
            throw new InvalidSubscriptionException(
                    "place",
                    value,
                    "field 'place' is not an area id; expected e.g. fr:commune:33063,"
                            + " fr:epci:243300316, fr:departement:33, fr:region:75, fr or eu",
                    forms);
        }
        return AreaId.parse(value);
    }

    private static Set<String> parseThemes(List<String> themes, ThemeCatalog catalog) {
        if (themes.size() > MAX_THEMES) {
            throw new InvalidSubscriptionException(
                    "themes",
                    String.join(",", themes),
                    "field 'themes' lists " + themes.size() + " themes; at most " + MAX_THEMES
                            + " are accepted (none follows every theme)",
                    List.of());
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String theme : themes) {
            ids.add(oneOf("themes", theme.strip(), catalog.listIds()));
        }
        return ids;
    }

    private static String oneOf(String field, String value, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw new InvalidSubscriptionException(
                    field,
                    value,
                    "field '" + field + "' has unknown value '" + abbreviate(value)
                            + "'; expected one of " + String.join(", ", allowed),
                    allowed);
        }
        return value;
    }

    private static String abbreviate(String value) {
        return value.length() <= 80 ? value : value.substring(0, 79) + "…";
    }

    private static boolean blank(@Nullable String value) {
        return value == null || value.isBlank();
    }
}
