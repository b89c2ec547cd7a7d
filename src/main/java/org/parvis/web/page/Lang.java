package org.parvis.web.page;

import org.jspecify.annotations.Nullable;

import java.util.Locale;
import java.util.Optional;

/**
 * The languages the web pages speak: French (the default) and English. The page language comes
 * from the {@code lang} parameter when given (the visible switch sets it), else from {@code
 * Accept-Language}.
 *
 * <p>Immutable and thread-safe.
 */
public enum Lang {
    FR(Locale.FRANCE),
    EN(Locale.UK);

    private final Locale locale;

    Lang(Locale locale) {
        this.locale = locale;
    }

    /** The BCP 47 tag, {@code fr} or {@code en}, as used in {@code lang} attributes. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The locale of dates and numbers. */
    public Locale locale() {
        return locale;
    }

    /** The other language, for the switch. */
    public Lang other() {
        return this == FR ? EN : FR;
    }

    /** The language with this code, if it is one of the two. */
    static Optional<Lang> find(@Nullable String code) {
        for (Lang lang : values()) {
            if (lang.code().equals(code)) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /**
     * The preferred of French and English in an {@code Accept-Language} header (highest q first,
     * then order); French when the header names neither or is missing or malformed.
     */
    static Lang fromAcceptLanguage(@Nullable String header) {
        if (header == null || header.length() > 500) {
            return FR;
        }
        Lang best = null;
        double bestQ = -1;
        for (String range : header.split(",")) {
            String[] parts = range.strip().split(";");
            String tag = parts[0].strip().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < parts.length; i++) {
                String param = parts[i].strip();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
            Optional<Lang> lang = find(primary);
            if (lang.isPresent() && q > 0 && q > bestQ) {
                best = lang.get();
                bestQ = q;
            }
        }
        return best == null ? FR : best;
    }
}
