package org.parvis.theme;

/**
 * Reduces HTML to the text a reader sees: tags dropped (block tags become spaces), the common
 * character references decoded. Used for classification and wherever a harvested HTML field is
 * shown as plain text (an audience, an organiser's name); not a sanitiser.
 *
 * <p>Stateless and thread-safe.
 */
public final class PlainText {

    private PlainText() {}

    /** The text of {@code html}, its spacing kept (the classifier counts positions in it). */
    public static String of(String html) {
        if (html == null || html.isEmpty()) {
            return "";
        }
        if (html.indexOf('<') < 0 && html.indexOf('&') < 0) {
            return html;
        }
        StringBuilder out = new StringBuilder(html.length());
        int i = 0;
        while (i < html.length()) {
            char c = html.charAt(i);
            if (c == '<') {
                int close = html.indexOf('>', i);
                if (close < 0) {
                    break;
                }
                out.append(' ');
                i = close + 1;
            } else if (c == '&') {
                int semicolon = html.indexOf(';', i);
                String decoded = semicolon > i && semicolon - i <= 10
                        ? decode(html.substring(i + 1, semicolon))
                        : null;
                if (decoded == null) {
                    out.append(c);
                    i++;
                } else {
                    out.append(decoded);
                    i = semicolon + 1;
                }
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The text of {@code html} with runs of white space made one space, trimmed. */
    public static String readable(String html) {
        return of(html).replaceAll("\\s+", " ").strip();
    }

    private static String decode(String entity) {
        if (entity.startsWith("#")) {
            try {
                int code = entity.startsWith("#x") || entity.startsWith("#X")
                        ? Integer.parseInt(entity.substring(2), 16)
                        : Integer.parseInt(entity.substring(1));
                return Character.isValidCodePoint(code)
                        ? new String(Character.toChars(code))
                        : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return switch (entity) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos", "rsquo", "lsquo" -> "'";
            case "nbsp" -> " ";
            case "eacute" -> "é";
            case "egrave" -> "è";
            case "ecirc" -> "ê";
            case "agrave" -> "à";
            case "acirc" -> "â";
            case "ccedil" -> "ç";
            case "ocirc" -> "ô";
            case "ucirc" -> "û";
            case "ugrave" -> "ù";
            case "icirc" -> "î";
            case "iuml" -> "ï";
            case "euml" -> "ë";
            case "oelig" -> "œ";
            case "laquo" -> "«";
            case "raquo" -> "»";
            case "hellip" -> "…";
            case "ndash" -> "–";
            case "mdash" -> "—";
            case "euro" -> "€";
            default -> null;
        };
    }
}
