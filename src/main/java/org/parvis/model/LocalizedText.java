package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A text in one or more languages, keyed by lowercase BCP 47 language tag ({@code fr}, {@code en}).
 * {@code original} is the author's language when the source says so. Texts are kept as received
 * (possibly HTML); outputs sanitise them.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocalizedText(
        Map<String, String> texts, @Nullable String original) {

    public LocalizedText {
        Map<String, String> copy = new LinkedHashMap<>();
        if (texts != null) {
            texts.forEach((locale, text) -> {
                if (locale == null || !locale.matches("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*")) {
                    throw new IllegalArgumentException(
                            "malformed language tag '" + locale + "'; expected e.g. fr, en, pt-BR");
                }
                if (text != null && !text.isBlank()) {
                    copy.put(locale, text);
                }
            });
        }
        texts = Collections.unmodifiableMap(copy);
        if (original != null && !copy.containsKey(original)) {
            original = null;
        }
    }

    /** A text in one language. */
    public static LocalizedText of(String locale, String text) {
        return new LocalizedText(Map.of(locale, text), locale);
    }

    /** No text at all. */
    public static LocalizedText empty() {
        return new LocalizedText(Map.of(), null);
    }

    @JsonIgnore
    public boolean isEmpty() {
        return texts.isEmpty();
    }

    /**
     * The locale to show for a reader who prefers {@code preferred} (first match wins), falling
     * back
     * to the original language, then French, then any.
     */
    public Optional<String> bestLocale(List<String> preferred) {
        for (String locale : preferred) {
            if (texts.containsKey(locale)) {
                return Optional.of(locale);
            }
        }
        if (original != null) {
            return Optional.of(original);
        }
        if (texts.containsKey("fr")) {
            return Optional.of("fr");
        }
        return texts.keySet().stream().findFirst();
    }

    /** The text in {@link #bestLocale}, or an empty string when there is none. */
    public String best(List<String> preferred) {
        return bestLocale(preferred).map(texts::get).orElse("");
    }
}
