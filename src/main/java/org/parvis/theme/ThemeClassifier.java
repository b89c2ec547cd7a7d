package org.parvis.theme;

import org.jspecify.annotations.Nullable;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.ThemeAssignment;
import org.parvis.model.ThemeMethod;
import org.parvis.theme.Lexicon.Hits;
import org.parvis.theme.TextAnalysis.AnalyzedField;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gives an item the Parvis themes it is about, each with a score in [0, 1] and an explanation.
 * Three layers are combined (see {@link ClassifierSettings} for how):
 *
 * <ol>
 *   <li>the source's own categories, taxonomy terms and hashtags, through the source's overrides
 *       and the built-in multilingual table ({@link ThemeMethod#SOURCE_MAPPING}; evidence: the
 *       source category);
 *   <li>per-theme lexicons in fr, en, es, ca, de and it, matched through the Lucene analyzer of the
 *       text's language, title words weighing more than description words ({@link
 *       ThemeMethod#LEXICON}; evidence: the matched words as written);
 *   <li>a logistic regression per theme trained on the training part of the bundled labelled set
 *       ({@link ThemeMethod#CLASSIFIER}; evidence: the words that weighed most).
 * </ol>
 *
 * <p>The model is trained when the default classifier is first loaded, from the labelled items
 * bundled in the jar: a second or two, deterministic, and nothing is downloaded. Items with too
 * little text get no theme from text rather than a guess.
 *
 * <p>TODO(#5): feed users' "not relevant" corrections (manual assignments) back into the training
 * items; today only the bundled labelled set trains the model.
 *
 * <p>Immutable and thread-safe after construction; one instance serves all threads.
 */
public final class ThemeClassifier {

    private static final Logger LOG = LoggerFactory.getLogger(ThemeClassifier.class);

    static final int TITLE = 0;
    static final int DESCRIPTION = 1;
    static final int FIRST_CATEGORY = 2;

    /** Score of a theme given by the built-in category table; a source override gives 1. */
    static final double DEFAULT_MAPPING_SCORE = 0.9;

    /** A model probability below this is not worth mentioning in an explanation. */
    private static final double MODEL_EVIDENCE_MIN = 0.2;

    private static final int OVERRIDE_CACHE_LIMIT = 256;

    private final Resources resources;
    private final List<String> themeIds;
    private final LinearThemeModel model;
    private final ClassifierSettings settings;
    private final Map<Map<String, String>, CategoryMapping> overrideCache =
            new ConcurrentHashMap<>();

    private ThemeClassifier(
            Resources resources, LinearThemeModel model, ClassifierSettings settings) {
        this.resources = resources;
        this.themeIds = resources.catalog.listIds();
        this.model = model;
        this.settings = settings;
    }

    /**
     * The immutable parts shared by every classifier: catalogue, analyzers, lexicons, category
     * table.
     */
    static final class Resources {
        final ThemeCatalog catalog;
        final TextAnalysis analysis;
        final Lexicon lexicon;
        final CategoryMapping categories;

        private Resources(
                ThemeCatalog catalog,
                TextAnalysis analysis,
                Lexicon lexicon,
                CategoryMapping categories) {
            this.catalog = catalog;
            this.analysis = analysis;
            this.lexicon = lexicon;
            this.categories = categories;
        }

        private static final class Holder {
            static final Resources BUNDLED = load();
        }

        static Resources bundled() {
            return Holder.BUNDLED;
        }

        private static Resources load() {
            ThemeCatalog catalog = ThemeCatalog.loadDefault();
            Lexicon lexicon =
                    Lexicon.loadBundled(catalog.listIds(), TextAnalysis.withoutCompounds());
            TextAnalysis analysis = new TextAnalysis(lexicon.compoundParts());
            return new Resources(catalog, analysis, lexicon, CategoryMapping.loadBundled(catalog));
        }
    }

    private static final class Holder {
        static final ThemeClassifier DEFAULT = createDefault();
    }

    /** The classifier with the bundled lexicons, category table and model, built once. */
    public static ThemeClassifier loadDefault() {
        return Holder.DEFAULT;
    }

    private static ThemeClassifier createDefault() {
        long start = System.nanoTime();
        Resources resources = Resources.bundled();
        List<LabelledItem> training =
                LabelledItem.load(LabelledItem.Split.TRAIN, resources.catalog);
        ThemeClassifier classifier = train(resources, ClassifierSettings.DEFAULT, training);
        LOG.info(
                "Theme classifier ready: {} lexicon terms, {} category labels, model of {} terms "
                        + "trained on {} items"
                        + " in {} ms",
                resources.lexicon.termCount(),
                resources.categories.size(),
                classifier.model.vocabularySize(),
                training.size(),
                (System.nanoTime() - start) / 1_000_000);
        return classifier;
    }

    /** A classifier whose model is trained on {@code training} with {@code settings}. */
    static ThemeClassifier train(
            Resources resources, ClassifierSettings settings, List<LabelledItem> training) {
        List<String> ids = resources.catalog.listIds();
        List<Map<String, Float>> items = new ArrayList<>();
        boolean[][] labels = new boolean[training.size()][ids.size()];
        float[] fieldWeights = {settings.titleWeight(), 1f};
        for (int n = 0; n < training.size(); n++) {
            LabelledItem item = training.get(n);
            AnalyzedField title = resources.analysis.analyze(item.language(), item.title());
            AnalyzedField description =
                    resources.analysis.analyze(item.language(), item.description());
            items.add(LinearThemeModel.termCounts(List.of(title, description), fieldWeights));
            for (String theme : item.themes()) {
                labels[n][ids.indexOf(theme)] = true;
            }
        }
        LinearThemeModel model =
                LinearThemeModel.train(items, labels, ids.size(), settings.model());
        return new ThemeClassifier(resources, model, settings);
    }

    /** The themes of an item, strongest first; empty when nothing is known about its subject. */
    public List<ThemeAssignment> classify(ClassificationInput in) {
        Scoring scoring = score(in, false);
        return explain(scoring, select(scoring, settings));
    }

    /**
     * The themes of a harvested process, from its title, summary and description (HTML stripped)
     * in its first language, and its source categories ({@link Process#sourceThemes()}).
     *
     * @param categoryOverrides the source's configured mapping, source label → theme ids
     */
    public List<ThemeAssignment> classify(Process process, Map<String, String> categoryOverrides) {
        LocalizedText title = process.title();
        String language = title.bestLocale(process.languages()).orElse(null);
        List<String> preferred = language == null ? List.of() : List.of(language);
        StringBuilder description = new StringBuilder();
        for (LocalizedText text : new LocalizedText[] {process.summary(), process.description()}) {
            if (text != null && !text.isEmpty()) {
                description.append(PlainText.of(text.best(preferred))).append('\n');
            }
        }
        return classify(new ClassificationInput(
                PlainText.of(title.best(preferred)),
                description.toString(),
                language,
                process.sourceThemes(),
                categoryOverrides));
    }

    /**
     * The process with freshly computed themes. Manual assignments are kept and win over automatic
     * ones for the same theme (a manual assignment with score 0 records "not relevant").
     */
    public Process reclassify(Process process, Map<String, String> categoryOverrides) {
        List<ThemeAssignment> themes = new ArrayList<>();
        Set<String> manual = new HashSet<>();
        for (ThemeAssignment assignment : process.themes()) {
            if (assignment.method() == ThemeMethod.MANUAL) {
                themes.add(assignment);
                manual.add(assignment.theme());
            }
        }
        for (ThemeAssignment assignment : classify(process, categoryOverrides)) {
            if (!manual.contains(assignment.theme())) {
                themes.add(assignment);
            }
        }
        return process.toBuilder().withThemes(themes).build();
    }

    /**
     * Checks a source's category overrides (source label → comma-separated theme ids, or {@code
     * -} for none), for use when source configuration is loaded.
     *
     * @throws IllegalArgumentException naming the first bad label or theme id
     */
    public static void requireValidOverrides(Map<String, String> categoryOverrides) {
        CategoryMapping.compileOverrides(categoryOverrides, ThemeCatalog.loadDefault());
    }

    /** The theme catalogue this classifier assigns from. */
    public ThemeCatalog catalog() {
        return resources.catalog;
    }

    // ---------------------------------------------------------------------------------------------
    // Scoring: the raw evidence of each layer, before thresholds.

    /** What each layer found in one item. Not thread-safe; one per classification. */
    static final class Scoring {
        String language;
        final List<AnalyzedField> fields = new ArrayList<>();
        final List<String> fieldLabels = new ArrayList<>();
        double[] source;
        /** Per theme, the source labels that gave it; null where none did (most themes). */
        Set<String>[] sourceLabels;

        boolean[] sourceOverride;
        final Hits hits = new Hits();
        double[] textLexicon;
        double[] categoryLexicon;
        double[] probability;
        LinearThemeModel.Features features;
        int contentTerms;
    }

    /**
     * Runs the three layers on {@code in}. The model runs only on texts long enough for it, unless
     * {@code alwaysModel} (used when tuning the length limits).
     */
    Scoring score(ClassificationInput in, boolean alwaysModel) {
        int themeCount = themeIds.size();
        Scoring s = new Scoring();
        String title = PlainText.of(in.title());
        String description = PlainText.of(in.description());
        s.language = resources.analysis.resolveLanguage(in.language(), title + "\n" + description);
        AnalyzedField titleField = resources.analysis.analyze(s.language, title);
        AnalyzedField descriptionField = description.isBlank()
                ? AnalyzedField.EMPTY
                : resources.analysis.analyze(s.language, description);
        s.fields.add(titleField);
        s.fieldLabels.add("title");
        s.fields.add(descriptionField);
        s.fieldLabels.add("description");
        s.contentTerms = titleField.primaryCount + descriptionField.primaryCount;

        // Layer 1: source categories; labels the tables do not know are read as text instead.
        s.source = new double[themeCount];
        s.sourceOverride = new boolean[themeCount];
        s.sourceLabels = newLabelSets(themeCount);
        CategoryMapping overrides = compiledOverrides(in.categoryOverrides());
        for (String label : in.categories()) {
            if (!mapCategory(label, overrides, s)) {
                s.fields.add(
                        resources.analysis.analyze(s.language, CategoryMapping.readable(label)));
                s.fieldLabels.add(label);
            }
        }

        // Layer 2: lexicons.
        for (int f = 0; f < s.fields.size(); f++) {
            resources.lexicon.match(s.language, s.fields.get(f), f, s.hits);
        }
        s.textLexicon = new double[themeCount];
        s.categoryLexicon = new double[themeCount];
        aggregateHits(s);

        // Layer 3: the model.
        if (alwaysModel || s.contentTerms >= settings.minModelTerms()) {
            Map<String, Float> counts = LinearThemeModel.termCounts(
                    List.of(titleField, descriptionField),
                    new float[] {settings.titleWeight(), 1f});
            s.features = model.vectorize(counts);
            s.probability = new double[themeCount];
            model.predict(s.features, s.probability);
        }
        return s;
    }

    @SuppressWarnings("unchecked")
    private static Set<String>[] newLabelSets(int themeCount) {
        return (Set<String>[]) new Set<?>[themeCount];
    }

    private @Nullable CategoryMapping compiledOverrides(Map<String, String> overrides) {
        if (overrides.isEmpty()) {
            return null;
        }
        CategoryMapping compiled = overrideCache.get(overrides);
        if (compiled == null) {
            compiled = CategoryMapping.compileOverrides(overrides, resources.catalog);
            if (overrideCache.size() >= OVERRIDE_CACHE_LIMIT) {
                overrideCache.clear();
            }
            overrideCache.put(overrides, compiled);
        }
        return compiled;
    }

    /** Maps one source label through the overrides, then the built-in table; false if unknown. */
    private boolean mapCategory(String label, @Nullable CategoryMapping overrides, Scoring s) {
        String normalized = CategoryMapping.normalize(label);
        if (lookUp(normalized, label, overrides, s)) {
            return true;
        }
        List<String> parts = CategoryMapping.parts(label);
        if (parts.size() < 2) {
            return false;
        }
        boolean all = true;
        for (String part : parts) {
            all &= lookUp(part, label, overrides, s);
        }
        return all;
    }

    private boolean lookUp(
            String normalized, String label, @Nullable CategoryMapping overrides, Scoring s) {
        List<String> themes = overrides == null ? null : overrides.find(normalized);
        boolean override = themes != null;
        if (themes == null) {
            themes = resources.categories.find(normalized);
        }
        if (themes == null) {
            return false;
        }
        for (String theme : themes) {
            int t = themeIds.indexOf(theme);
            s.source[t] = Math.max(s.source[t], override ? 1.0 : DEFAULT_MAPPING_SCORE);
            s.sourceOverride[t] |= override;
            if (s.sourceLabels[t] == null) {
                s.sourceLabels[t] = new LinkedHashSet<>();
            }
            s.sourceLabels[t].add(label);
        }
        return true;
    }

    /**
     * Adds up lexicon hits per theme: a term counts once per theme, with its best field weight
     * (title or category over description).
     */
    private void aggregateHits(Scoring s) {
        Hits hits = s.hits;
        for (int h = 0; h < hits.size; h++) {
            double value = hits.weights[h] * fieldWeight(hits.fields[h]);
            boolean superseded = false;
            for (int other = 0; other < hits.size && !superseded; other++) {
                if (other != h && hits.themes[other] == hits.themes[h] && sameTerms(s, h, other)) {
                    double otherValue = hits.weights[other] * fieldWeight(hits.fields[other]);
                    superseded = otherValue > value || (otherValue == value && other < h);
                }
            }
            if (superseded) {
                continue;
            }
            if (hits.fields[h] >= FIRST_CATEGORY) {
                s.categoryLexicon[hits.themes[h]] += value;
            } else {
                s.textLexicon[hits.themes[h]] += value;
            }
        }
    }

    private double fieldWeight(int field) {
        return field == TITLE
                ? settings.titleWeight()
                : field == DESCRIPTION ? 1 : settings.categoryWeight();
    }

    private static boolean sameTerms(Scoring s, int a, int b) {
        Hits hits = s.hits;
        int length = hits.tos[a] - hits.froms[a];
        if (length != hits.tos[b] - hits.froms[b]) {
            return false;
        }
        AnalyzedField fa = s.fields.get(hits.fields[a]);
        AnalyzedField fb = s.fields.get(hits.fields[b]);
        for (int k = 0; k <= length; k++) {
            if (!fa.terms[hits.froms[a] + k].equals(fb.terms[hits.froms[b] + k])) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------------------------------------
    // Selection: combining layers and applying thresholds. Static so that tuning can vary settings.

    /** The combined score of every theme. */
    static double[] combine(Scoring s, ClassifierSettings c) {
        boolean textAllowed = s.contentTerms >= c.minContentTerms();
        boolean modelAllowed = s.probability != null && s.contentTerms >= c.minModelTerms();
        double[] combined = new double[s.source.length];
        for (int t = 0; t < combined.length; t++) {
            double lexicon = (textAllowed ? s.textLexicon[t] : 0) + s.categoryLexicon[t];
            double lexiconConfidence = 1 - Math.exp(-lexicon / c.lexiconScale());
            double probability = modelAllowed ? s.probability[t] : 0;
            double text = 1 - (1 - lexiconConfidence) * (1 - c.modelWeight() * probability);
            combined[t] = 1 - (1 - s.source[t]) * (1 - text);
        }
        return combined;
    }

    /** The indices of the themes kept, strongest first. */
    static int[] select(Scoring s, ClassifierSettings c) {
        double[] combined = combine(s, c);
        double best = 0;
        int bestTheme = -1;
        for (int t = 0; t < combined.length; t++) {
            if (combined[t] > best) {
                best = combined[t];
                bestTheme = t;
            }
        }
        List<Integer> kept = new ArrayList<>();
        for (int t = 0; t < combined.length; t++) {
            boolean fromSource = s.source[t] > 0;
            if (fromSource
                    || (combined[t] >= c.threshold() && combined[t] >= c.relativeCut() * best)) {
                kept.add(t);
            }
        }
        if (kept.isEmpty()
                && bestTheme >= 0
                && best >= c.fallbackThreshold()
                && s.contentTerms >= c.minModelTerms()) {
            kept.add(bestTheme);
        }
        kept.sort((a, b) -> Double.compare(combined[b], combined[a]));
        int count = Math.min(kept.size(), Math.max(c.maxThemes(), countSource(s, kept)));
        int[] out = new int[count];
        for (int k = 0; k < count; k++) {
            out[k] = kept.get(k);
        }
        return out;
    }

    private static int countSource(Scoring s, List<Integer> kept) {
        int count = 0;
        for (int t : kept) {
            if (s.source[t] > 0) {
                count++;
            }
        }
        return count;
    }

    // ---------------------------------------------------------------------------------------------
    // Explanation.

    private List<ThemeAssignment> explain(Scoring s, int[] chosen) {
        double[] combined = combine(s, settings);
        boolean textAllowed = s.contentTerms >= settings.minContentTerms();
        boolean modelAllowed = s.probability != null && s.contentTerms >= settings.minModelTerms();
        List<ThemeAssignment> out = new ArrayList<>(chosen.length);
        for (int t : chosen) {
            List<String> parts = new ArrayList<>(3);
            if (s.source[t] > 0) {
                parts.add("source category " + quoteAll(s.sourceLabels[t])
                        + (s.sourceOverride[t] ? " (source override)" : ""));
            }
            String words = matchedWords(s, t, textAllowed);
            if (!words.isEmpty()) {
                parts.add("words " + words);
            }
            double probability = modelAllowed ? s.probability[t] : 0;
            if (probability >= MODEL_EVIDENCE_MIN) {
                parts.add("model " + twoDecimals(probability) + ": " + topWords(s, t));
            }
            double lexicon = (textAllowed ? s.textLexicon[t] : 0) + s.categoryLexicon[t];
            double lexiconConfidence = 1 - Math.exp(-lexicon / settings.lexiconScale());
            ThemeMethod method = s.source[t] > 0
                    ? ThemeMethod.SOURCE_MAPPING
                    : lexiconConfidence >= settings.modelWeight() * probability
                            ? ThemeMethod.LEXICON
                            : ThemeMethod.CLASSIFIER;
            double score = Math.min(1, Math.round(combined[t] * 1000) / 1000.0);
            out.add(new ThemeAssignment(themeIds.get(t), method, score, String.join("; ", parts)));
        }
        return List.copyOf(out);
    }

    /**
     * {@code 0.84}: cheaper than String.format, which shows up when classifying at harvest speed.
     */
    private static String twoDecimals(double value) {
        long hundredths = Math.round(value * 100);
        return hundredths / 100 + "." + (hundredths % 100 < 10 ? "0" : "") + hundredths % 100;
    }

    private static String quoteAll(Set<String> labels) {
        List<String> quoted = new ArrayList<>();
        for (String label : labels) {
            quoted.add('"' + label + '"');
        }
        return String.join(", ", quoted);
    }

    /**
     * The words matched for theme {@code t}, as written, with their place: {@code "vélos" (title)}.
     */
    private static String matchedWords(Scoring s, int t, boolean textAllowed) {
        Set<String> seen = new HashSet<>();
        List<String> words = new ArrayList<>();
        Hits hits = s.hits;
        for (int h = 0; h < hits.size; h++) {
            int field = hits.fields[h];
            if (hits.themes[h] != t || (field < FIRST_CATEGORY && !textAllowed)) {
                continue;
            }
            String surface = s.fields.get(field).surface(hits.froms[h], hits.tos[h]);
            if (!seen.add(surface.toLowerCase(Locale.ROOT))) {
                continue;
            }
            String place = field == TITLE
                    ? " (title)"
                    : field == DESCRIPTION
                            ? ""
                            : " (category \"" + s.fieldLabels.get(field) + "\")";
            words.add('"' + surface + '"' + place);
        }
        return String.join(", ", words);
    }

    /** The words of the title or description that pushed the model towards theme {@code t}. */
    private String topWords(Scoring s, int t) {
        List<String> words = new ArrayList<>();
        for (int position : model.topFeatures(s.features, t, 3)) {
            String term = s.features.terms()[position];
            String surface = surfaceOf(s, term);
            if (surface != null) {
                words.add('"' + surface + '"');
            }
        }
        return String.join(", ", words);
    }

    private static @Nullable String surfaceOf(Scoring s, String term) {
        for (int f = TITLE; f <= DESCRIPTION; f++) {
            AnalyzedField field = s.fields.get(f);
            for (int i = 0; i < field.size; i++) {
                if (field.terms[i].equals(term)) {
                    return field.surface(i, i);
                }
            }
        }
        return null;
    }
}
