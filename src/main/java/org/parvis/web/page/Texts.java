package org.parvis.web.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * The interface texts of the pages in one language, read from {@code texts_<lang>.properties}
 * (UTF-8) next to this class. Both files must have the same keys; a missing key is a bug and
 * throws.
 *
 * <p>Immutable and thread-safe.
 */
public final class Texts {

    private static final Map<Lang, Texts> ALL = loadAll();

    private final Lang lang;
    private final Map<String, String> texts;

    private Texts(Lang lang, Map<String, String> texts) {
        this.lang = lang;
        this.texts = Map.copyOf(texts);
    }

    /** The texts of {@code lang}. */
    static Texts of(Lang lang) {
        return ALL.get(lang);
    }

    /** The language of these texts. */
    public Lang lang() {
        return lang;
    }

    /** The text with this key; throws {@link IllegalArgumentException} when there is none. */
    public String get(String key) {
        String text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no " + lang.code() + " text for key '" + key
                    + "' in texts_" + lang.code() + ".properties");
        }
        return text;
    }

    /** The text with this key, {@code {0}}, {@code {1}}… replaced by the arguments. */
    public String format(String key, Object... args) {
        String text = get(key);
        for (int i = 0; i < args.length; i++) {
            text = text.replace("{" + i + "}", String.valueOf(args[i]));
        }
        return text;
    }

    /** The keys of these texts, sorted. */
    Set<String> keys() {
        return new TreeSet<>(texts.keySet());
    }

    private static Map<Lang, Texts> loadAll() {
        Map<Lang, Texts> all = new EnumMap<>(Lang.class);
        for (Lang lang : Lang.values()) {
            String resource = "texts_" + lang.code() + ".properties";
            try (InputStream in = Texts.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + resource + " is missing");
                }
                Properties properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                Map<String, String> texts = new java.util.HashMap<>();
                properties
                        .stringPropertyNames()
                        .forEach(key -> texts.put(key, properties.getProperty(key)));
                all.put(lang, new Texts(lang, texts));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return all;
    }
}
