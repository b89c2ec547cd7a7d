package org.parvis.theme;

/**
 * How the three layers are weighted and combined, and the thresholds that decide which themes an
 * item gets. The values of {@link #DEFAULT} were chosen by cross-validation on the training part
 * of the labelled set only ({@code parvis themes tune}: best cross-validated macro-F1 0.874); the
 * test part played no role. Several combinations tie at the top because no training item is
 * affected by the length limits; among them, at least 2 content words are required for any theme
 * from text and 3 for the model, so that a lone word ("Vélo") is not enough.
 *
 * <p>For each theme the classifier computes a lexicon confidence {@code 1 - exp(-lexicon /
 * lexiconScale)} (the lexicon score adds the weights of matched terms, title terms counting {@code
 * titleWeight} times, unmapped category labels {@code categoryWeight} times), a model probability
 * {@code p}, and a text score {@code 1 - (1 - lexiconConfidence) (1 - modelWeight p)}. A source
 * category mapped to the theme raises the score to at least 0.9 (1 for a source override). A theme
 * is kept when its score reaches {@code threshold} and {@code relativeCut} times the best score;
 * if none is kept, the best one is kept when it reaches {@code fallbackThreshold}. Texts with fewer
 * than {@code minContentTerms} content words get no theme from text; the model is only consulted
 * from {@code minModelTerms} content words.
 *
 * <p>Immutable and thread-safe.
 */
record ClassifierSettings(
        float titleWeight,
        float categoryWeight,
        double lexiconScale,
        double modelWeight,
        double threshold,
        double relativeCut,
        double fallbackThreshold,
        int minContentTerms,
        int minModelTerms,
        int maxThemes,
        LinearThemeModel.Parameters model) {

    static final ClassifierSettings DEFAULT = new ClassifierSettings(
            2f,
            3f,
            3,
            1.0,
            0.65,
            0,
            0.35,
            2,
            3,
            4,
            new LinearThemeModel.Parameters(30, 0.5, 1e-4, 4, 20260501L));

    ClassifierSettings {
        if (titleWeight <= 0 || categoryWeight <= 0 || lexiconScale <= 0) {
            throw new IllegalArgumentException("weights and lexicon scale must be positive");
        }
        if (threshold <= 0 || threshold > 1 || fallbackThreshold < 0 || fallbackThreshold > 1) {
            throw new IllegalArgumentException("thresholds out of range: threshold " + threshold
                    + ", fallback " + fallbackThreshold);
        }
        if (minContentTerms < 1 || minModelTerms < minContentTerms || maxThemes < 1) {
            throw new IllegalArgumentException(
                    "need 1 <= minContentTerms <= minModelTerms and maxThemes >= 1");
        }
    }

    ClassifierSettings withCombination(
            double lexiconScale,
            double modelWeight,
            double threshold,
            double relativeCut,
            double fallbackThreshold,
            int minContentTerms,
            int minModelTerms) {
        return new ClassifierSettings(
                titleWeight,
                categoryWeight,
                lexiconScale,
                modelWeight,
                threshold,
                relativeCut,
                fallbackThreshold,
                minContentTerms,
                minModelTerms,
                maxThemes,
                model);
    }

    ClassifierSettings withTraining(float titleWeight, LinearThemeModel.Parameters model) {
        return new ClassifierSettings(
                titleWeight,
                categoryWeight,
                lexiconScale,
                modelWeight,
                threshold,
                relativeCut,
                fallbackThreshold,
                minContentTerms,
                minModelTerms,
                maxThemes,
                model);
    }
}
