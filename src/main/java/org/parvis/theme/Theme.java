package org.parvis.theme;

import org.parvis.model.ThemeAssignment;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A theme of the Parvis taxonomy: a stable lowercase id, its labels by language, and where it fits
 * in shared vocabularies: EU data themes (DCAT-AP authority codes such as {@code TRAN}), EuroVoc
 * domains (two-digit numbers such as {@code 48}) and UN Sustainable Development Goals (1 to 17).
 *
 * <p>Immutable and thread-safe.
 */
public record Theme(
        String id,
        Map<String, String> labels,
        List<String> euDataThemes,
        List<String> eurovocDomains,
        List<Integer> sdgs) {

    private static final Pattern EU_DATA_THEME = Pattern.compile("[A-Z_]{4,10}");

    /**
     * The 21 EuroVoc domains, in the order of their URIs {@code
     * http://eurovoc.europa.eu/100142…100162}.
     */
    private static final List<String> EUROVOC_DOMAINS = List.of(
            "04", "08", "10", "12", "16", "20", "24", "28", "32", "36", "40", "44", "48", "52",
            "56", "60", "64", "66", "68", "72", "76");

    private static final int FIRST_EUROVOC_DOMAIN_URI = 100142;

    public Theme {
        ThemeAssignment.requireThemeId(id);
        labels = Map.copyOf(labels);
        if (!labels.containsKey("fr") || !labels.containsKey("en")) {
            throw new IllegalArgumentException(
                    "theme '" + id + "' needs at least French and English labels");
        }
        euDataThemes = List.copyOf(euDataThemes);
        eurovocDomains = List.copyOf(eurovocDomains);
        sdgs = List.copyOf(sdgs);
        for (String code : euDataThemes) {
            if (!EU_DATA_THEME.matcher(code).matches()) {
                throw new IllegalArgumentException("theme '" + id + "': malformed EU data theme '"
                        + code + "'; expected an authority code such as TRAN or ENVI");
            }
        }
        for (String domain : eurovocDomains) {
            if (!EUROVOC_DOMAINS.contains(domain)) {
                throw new IllegalArgumentException("theme '" + id + "': unknown EuroVoc domain '"
                        + domain + "'; expected one of " + EUROVOC_DOMAINS);
            }
        }
        for (int sdg : sdgs) {
            if (sdg < 1 || sdg > 17) {
                throw new IllegalArgumentException(
                        "theme '" + id + "': SDG " + sdg + " out of range; expected 1 to 17");
            }
        }
    }

    /** A theme with labels only, mapped to no shared vocabulary. */
    public Theme(String id, Map<String, String> labels) {
        this(id, labels, List.of(), List.of(), List.of());
    }

    /** The label in {@code language}, falling back to English. */
    public String label(String language) {
        return labels.getOrDefault(language, labels.get("en"));
    }

    /** The EU data themes as URIs of the Publications Office authority table. */
    public List<URI> euDataThemeUris() {
        return euDataThemes.stream()
                .map(code -> URI.create(
                        "http://publications.europa.eu/resource/authority/data-theme/" + code))
                .toList();
    }

    /**
     * The EuroVoc domains as URIs ({@code 48} transport is {@code
     * http://eurovoc.europa.eu/100154}).
     */
    public List<URI> eurovocDomainUris() {
        return eurovocDomains.stream()
                .map(domain -> URI.create("http://eurovoc.europa.eu/"
                        + (FIRST_EUROVOC_DOMAIN_URI + EUROVOC_DOMAINS.indexOf(domain))))
                .toList();
    }
}
