package org.parvis.theme;

import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;

/**
 * A light Catalan stemmer: drops the plural ending ("-es", "-s") and then a final vowel, so that
 * "escola", "escoles" give "escol" and "habitatge", "habitatges" give "habitatg". Lucene's Snowball
 * Catalan stemmer cuts much deeper ("habitants" and "habitatge" both become "hab"), which makes
 * lexicon matches wrong. Expects lowercase, accent-folded terms; words under 5 letters are kept.
 *
 * <p>Not thread-safe, like every token filter; analyzers create one per thread.
 */
final class CatalanLightStemFilter extends TokenFilter {

    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

    CatalanLightStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        term.setLength(stem(term.buffer(), term.length()));
        return true;
    }

    static int stem(char[] s, int length) {
        if (length < 5) {
            return length;
        }
        int len = length;
        if (s[len - 1] == 's') {
            len--;
            if (s[len - 1] == 'e' && len > 4) {
                len--;
            }
        }
        char last = s[len - 1];
        if ((last == 'a' || last == 'e' || last == 'o') && len > 4) {
            len--;
        }
        return len;
    }
}
