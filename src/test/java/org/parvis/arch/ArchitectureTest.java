package org.parvis.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Keeps the pipeline's dependency direction: source → model → territory / theme → store → index →
 * feed → web / alert, with {@code app} wiring everything and nothing depending on it.
 */
class ArchitectureTest {

    private static final String ROOT = "org.parvis";

    /** For each feature package, the other Parvis packages it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("model", Set.of()),
            Map.entry("territory", Set.of("model")),
            Map.entry("theme", Set.of("model")),
            Map.entry("store", Set.of("model")),
            Map.entry("index", Set.of("model", "territory", "theme", "store")),
            Map.entry("feed", Set.of("model", "territory", "theme", "store", "index")),
            Map.entry("source", Set.of("model", "territory", "theme", "store")),
            Map.entry("alert", Set.of("model", "territory", "theme", "store", "feed")),
            Map.entry(
                    "web",
                    Set.of("model", "territory", "theme", "store", "feed", "source", "alert")),
            Map.entry("demo", Set.of("model", "territory", "source")),
            Map.entry("bench", Set.of("model", "territory", "theme", "store", "index", "feed")),
            Map.entry(
                    "app",
                    Set.of(
                            "model",
                            "territory",
                            "theme",
                            "store",
                            "index",
                            "feed",
                            "source",
                            "alert",
                            "web",
                            "demo",
                            "bench")));

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static List<String> features() {
        return List.copyOf(new TreeSet<>(ALLOWED.keySet()));
    }

    @ParameterizedTest
    @MethodSource("features")
    void featureUsesOnlyThePackagesBeforeItInThePipeline(String feature) {
        String[] forbidden = ALLOWED.keySet().stream()
                .filter(other -> !other.equals(feature) && !ALLOWED.get(feature).contains(other))
                .map(other -> ROOT + "." + other + "..")
                .toArray(String[]::new);
        if (forbidden.length == 0) {
            return;
        }
        noClasses()
                .that()
                .resideInAPackage(ROOT + "." + feature + "..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(forbidden)
                .allowEmptyShould(true)
                .because(feature + " may only use " + ALLOWED.get(feature))
                .check(classes);
    }

    @Test
    void everyClassBelongsToAKnownFeature() {
        Set<String> known = ALLOWED.keySet();
        noClasses()
                .should()
                .resideOutsideOfPackages(
                        known.stream().map(f -> ROOT + "." + f + "..").toArray(String[]::new))
                .because("every class belongs to a feature package listed in ArchitectureTest")
                .check(classes);
    }
}
