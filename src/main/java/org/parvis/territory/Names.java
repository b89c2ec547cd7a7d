package org.parvis.territory;

import org.jspecify.annotations.Nullable;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalises place names and queries into comparison keys, so that "Saint-Étienne", "st etienne"
 * and "ST ETIENNE" compare equal, as do "L'Haÿ-les-Roses" and "lhay les roses".
 *
 * <p>A name is cut into tokens at every character that is neither a letter nor a digit (spaces,
 * hyphens, apostrophes, dots, parentheses…); each token is lowercased and stripped of accents
 * ("œ" becomes "oe", "ß" "ss"); the abbreviations "st", "ste", "sts", "stes" become "saint",
 * "sainte", "saints", "saintes", "s/" becomes "sur", and ordinal suffixes are dropped ("12e",
 * "12ème", "1er" become "12", "1"). The key is the tokens joined without separators, so spacing
 * and punctuation never matter.
 *
 * <p>Stateless and thread-safe.
 */
final class Names {

    /** Folded form of each character below {@link #TABLE_SIZE}; {@code ""} for a separator. */
    private static final String[] FOLD;

    private static final int TABLE_SIZE = 0x250;

    static {
        FOLD = new String[TABLE_SIZE];
        for (char c = 0; c < TABLE_SIZE; c++) {
            FOLD[c] = fold(c);
        }
        FOLD['œ'] = "oe";
        FOLD['Œ'] = "oe";
        FOLD['æ'] = "ae";
        FOLD['Æ'] = "ae";
        FOLD['ß'] = "ss";
        FOLD['ø'] = "o";
        FOLD['Ø'] = "o";
        FOLD['đ'] = "d";
        FOLD['Đ'] = "d";
        FOLD['ł'] = "l";
        FOLD['Ł'] = "l";
    }

    private Names() {}

    /** The comparison key of {@code text}; empty when it has no letter or digit. */
    static String key(CharSequence text) {
        StringBuilder key = new StringBuilder(text.length() + 8);
        StringBuilder token = new StringBuilder(16);
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            String folded = foldChar(c);
            if (folded.isEmpty()) {
                appendToken(key, token, c == '/');
            } else {
                token.append(folded);
            }
        }
        appendToken(key, token, false);
        return key.toString();
    }

    /** The normalised tokens of {@code text}, in order (their concatenation is {@link #key}). */
    static List<String> tokens(CharSequence text) {
        List<String> tokens = new ArrayList<>();
        StringBuilder token = new StringBuilder(16);
        StringBuilder one = new StringBuilder(16);
        int length = text.length();
        for (int i = 0; i <= length; i++) {
            char c = i < length ? text.charAt(i) : ' ';
            String folded = foldChar(c);
            if (!folded.isEmpty()) {
                token.append(folded);
            } else if (token.length() > 0) {
                one.setLength(0);
                appendToken(one, token, c == '/');
                tokens.add(one.toString());
            }
        }
        return tokens;
    }

    private static String foldChar(char c) {
        if (c < TABLE_SIZE) {
            return FOLD[c];
        }
        return Character.isLetterOrDigit(c) ? String.valueOf(Character.toLowerCase(c)) : "";
    }

    // Appends the normalised token to the key and clears it; "s" followed by "/" reads "sur".
    private static void appendToken(StringBuilder key, StringBuilder token, boolean beforeSlash) {
        int n = token.length();
        if (n == 0) {
            return;
        }
        if (n <= 4 && token.charAt(0) == 's') {
            String expanded = expandAbbreviation(token, beforeSlash);
            if (expanded != null) {
                key.append(expanded);
                token.setLength(0);
                return;
            }
        }
        int digits = 0;
        while (digits < n && Character.isDigit(token.charAt(digits))) {
            digits++;
        }
        if (digits > 0 && digits < n && isOrdinalSuffix(token, digits)) {
            key.append(token, 0, digits);
        } else {
            key.append(token);
        }
        token.setLength(0);
    }

    private static @Nullable String expandAbbreviation(CharSequence token, boolean beforeSlash) {
        int n = token.length();
        if (n == 1) {
            return beforeSlash ? "sur" : null;
        }
        if (token.charAt(1) != 't') {
            return null;
        }
        if (n == 2) {
            return "saint";
        }
        if (n == 3) {
            char c = token.charAt(2);
            return c == 'e' ? "sainte" : c == 's' ? "saints" : null;
        }
        return token.charAt(2) == 'e' && token.charAt(3) == 's' ? "saintes" : null;
    }

    // "e", "er", "re", "ere", "eme", "em", "nd", "nde" after a number (accents already folded).
    private static boolean isOrdinalSuffix(CharSequence token, int from) {
        String suffix = token.subSequence(from, token.length()).toString();
        return switch (suffix) {
            case "e", "er", "re", "ere", "eme", "em", "nd", "nde" -> true;
            default -> false;
        };
    }

    private static String fold(char c) {
        String decomposed = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(2);
        for (int i = 0; i < decomposed.length(); i++) {
            char d = Character.toLowerCase(decomposed.charAt(i));
            if ((d >= 'a' && d <= 'z') || (d >= '0' && d <= '9')) {
                out.append(d);
            } else if (Character.isLetter(d)
                    && Character.getType(d) != Character.NON_SPACING_MARK) {
                out.append(String.valueOf(d).toLowerCase(Locale.ROOT));
            }
        }
        return out.toString();
    }
}
