package org.parvis.theme;

import org.parvis.model.ThemeAssignment;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code parvis themes}: the theme list, the classifier on one text, its evaluation on the test
 * part of the labelled set, the tuning of its settings on the training part, and a throughput
 * measurement. Also runnable alone: {@code java -cp parvis.jar org.parvis.theme.ThemesCommand}.
 *
 * <p>Not thread-safe; picocli creates one instance per run.
 */
@Command(
        name = "themes",
        mixinStandardHelpOptions = true,
        description = "Parvis themes: list, classify, evaluate, tune, bench.",
        subcommands = {
            ThemesCommand.ListThemes.class,
            ThemesCommand.Classify.class,
            ThemesCommand.Evaluate.class,
            ThemesCommand.Tune.class,
            ThemesCommand.Bench.class
        })
public final class ThemesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new ThemesCommand()).execute(args));
    }

    @Command(
            name = "list",
            description = "List the themes with their labels and shared vocabularies.")
    static final class ListThemes implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--lang",
                defaultValue = "fr",
                description =
                        "Label language: fr, en, es, de, it or ca (default: ${DEFAULT-VALUE}).")
        String language;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            for (Theme theme : ThemeCatalog.loadDefault().listThemes()) {
                out.printf(
                        Locale.ROOT,
                        "%-26s %-40s EU %-10s EuroVoc %-9s SDG %s%n",
                        theme.id(),
                        theme.label(language),
                        String.join(",", theme.euDataThemes()),
                        String.join(",", theme.eurovocDomains()),
                        theme.sdgs());
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "classify", description = "Classify one text and explain each theme.")
    static final class Classify implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--title", required = true, description = "Title of the item.")
        String title;

        @Option(
                names = "--description",
                defaultValue = "",
                description = "Description (text or HTML).")
        String description;

        @Option(
                names = "--lang",
                description = "Language (fr, en, es, ca, de, it); guessed when absent.")
        String language;

        @Option(names = "--category", description = "A source category label; repeatable.")
        List<String> categories = new ArrayList<>();

        @Option(
                names = "--override",
                description = "A source override, label=theme ids (comma-separated) or label=-; "
                        + "repeatable.")
        Map<String, String> overrides = new LinkedHashMap<>();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try {
                ThemeClassifier.requireValidOverrides(overrides);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
            }
            List<ThemeAssignment> themes = ThemeClassifier.loadDefault()
                    .classify(new ClassificationInput(
                            title, description, language, categories, overrides));
            if (themes.isEmpty()) {
                out.println("no theme");
            }
            for (ThemeAssignment theme : themes) {
                out.printf(
                        Locale.ROOT,
                        "%-26s %.3f %-14s %s%n",
                        theme.theme(),
                        theme.score(),
                        theme.method(),
                        theme.evidence());
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "evaluate",
            description =
                    "Precision, recall and F1 per theme, and macro-F1, on the test part of the "
                            + "labelled set.")
    static final class Evaluate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            ThemeClassifier classifier = ThemeClassifier.loadDefault();
            out.println("Test part, with source categories:");
            out.print(ThemesEvaluation.ofTestSplit(classifier, true).formatTable());
            out.println();
            out.println("Test part, text only (source categories hidden):");
            out.print(ThemesEvaluation.ofTestSplit(classifier, false).formatTable());
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "tune",
            description =
                    "Search the classifier settings by cross-validation on the training part only.")
    static final class Tune implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--folds",
                defaultValue = "5",
                description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
        int folds;

        @Option(
                names = "--top",
                defaultValue = "10",
                description = "Configurations to print (default: ${DEFAULT-VALUE}).")
        int top;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (folds < 2) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--folds " + folds + " is too small; use 2 or more (default 5)");
            }
            List<ThemesTuning.Result> results = ThemesTuning.run(folds, out);
            out.printf(
                    Locale.ROOT,
                    "%nBest %d of %d configurations (mean of macro-F1 with and without "
                            + "categories):%n",
                    Math.min(top, results.size()),
                    results.size());
            for (ThemesTuning.Result result : results.subList(0, Math.min(top, results.size()))) {
                out.printf(
                        Locale.ROOT,
                        "%.4f (with categories %.4f, text only %.4f) %s%n",
                        result.objective(),
                        result.macroF1WithCategories(),
                        result.macroF1TextOnly(),
                        result.settings());
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "bench",
            description = "Classification throughput on one thread (items per second).")
    static final class Bench implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(
                names = "--warmup-seconds",
                defaultValue = "30",
                description = "Warm-up (default: ${DEFAULT-VALUE}).")
        int warmupSeconds;

        @Option(
                names = "--seconds",
                defaultValue = "15",
                description = "Measured time (default: ${DEFAULT-VALUE}).")
        int seconds;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (warmupSeconds < 0 || seconds < 1) {
                throw new CommandLine.ParameterException(
                        spec.commandLine(),
                        "--warmup-seconds " + warmupSeconds + " / --seconds " + seconds
                                + " out of range; expected warm-up >= 0 and measured time >= 1");
            }
            ThroughputBench.Measurement m = ThroughputBench.run(
                    ThemeClassifier.loadDefault(), warmupSeconds * 1000L, seconds * 1000L);
            out.printf(
                    Locale.ROOT,
                    "%d classifications of %d distinct labelled items on one thread in %.2f s%n",
                    m.items(),
                    m.distinctItems(),
                    m.elapsedNanos() / 1e9);
            out.printf(
                    Locale.ROOT,
                    "%.0f items per second of JVM CPU time (%.2f s, includes GC and JIT)%n",
                    m.itemsPerProcessCpuSecond(),
                    m.processCpuNanos() / 1e9);
            out.printf(
                    Locale.ROOT,
                    "%.0f items per second of thread CPU time (%.2f s)%n",
                    m.itemsPerThreadCpuSecond(),
                    m.threadCpuNanos() / 1e9);
            out.printf(
                    Locale.ROOT,
                    "%.0f items per wall-clock second (lower when other processes share the "
                            + "cores)%n",
                    m.itemsPerSecond());
            out.flush();
            return 0;
        }
    }
}
