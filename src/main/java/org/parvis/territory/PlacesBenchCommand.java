package org.parvis.territory;

import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaLevel;
import org.parvis.model.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code parvis bench places}: measures place search and point look-ups one call at a time on one
 * thread, and prints the latency percentiles as a Markdown table.
 *
 * <p>The text mix is drawn from the gazetteer with a fixed seed, half the communes chosen in
 * proportion to population (people look up big towns more) and half uniformly: official names,
 * names typed loosely (lower case, no accents, "St"), postcodes, INSEE codes, SIRENs, beginnings of
 * names, names with one or two typos, and former communes' names. Points are drawn uniformly in
 * metropolitan France's bounding box (land, sea and neighbouring countries) and inside random
 * communes. Every look-up is run twice untimed first, so that the JIT has compiled and settled the
 * code: the figures describe the steady state of a running server.
 *
 * <p>Picocli creates one instance per invocation; not meant to be shared between threads.
 */
@Command(
        name = "places",
        mixinStandardHelpOptions = true,
        description = "Measure place search (text, postcode) and point-in-polygon latencies.")
public final class PlacesBenchCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(PlacesBenchCommand.class);

    // Metropolitan France with Corsica, in degrees.
    private static final double MIN_LON = -5.2;
    private static final double MAX_LON = 9.6;
    private static final double MIN_LAT = 41.3;
    private static final double MAX_LAT = 51.1;
    private static final int LIMIT = 10;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            defaultValue = "./parvis-data",
            description = "Data directory holding contours.bin (default: ${DEFAULT-VALUE})")
    private Path dataDir;

    @Option(
            names = "--contours",
            paramLabel = "PATH",
            description = "GeoJSON contours to import when DIR/contours.bin is missing")
    private @Nullable Path contours;

    @Option(
            names = "--queries",
            defaultValue = "200000",
            description = "Text look-ups (default: ${DEFAULT-VALUE})")
    private int queries;

    @Option(
            names = "--points",
            defaultValue = "200000",
            description = "Point look-ups (default: ${DEFAULT-VALUE})")
    private int points;

    @Option(
            names = "--seed",
            defaultValue = "42",
            description = "Random seed (default: ${DEFAULT-VALUE})")
    private long seed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (queries < 1 || points < 0) {
            err.println("bench places: --queries must be at least 1 and --points at least 0, got "
                    + queries + " and " + points);
            return 2;
        }
        FrenchGazetteer gazetteer = FrenchGazetteer.loadDefault();
        PlaceSearch search = PlaceSearch.of(gazetteer);

        Map<String, List<String>> mix = queryMix(gazetteer, new Random(seed), queries);
        long sink = warmUp(search, mix);
        List<Row> rows = new ArrayList<>();
        rows.add(measureSearch("Text and postcode look-ups, all", search, mix));
        for (Map.Entry<String, List<String>> kind : mix.entrySet()) {
            rows.add(measureSearch(
                    "– " + kind.getKey(), search, Map.of(kind.getKey(), kind.getValue())));
        }

        String pointNote = null;
        Optional<ContourIndex> index = Optional.empty();
        try {
            index = loadContours();
        } catch (IllegalArgumentException e) {
            err.println("bench places: " + e.getMessage());
            return 2;
        }
        if (index.isEmpty()) {
            pointNote = "Point look-ups skipped: no " + ContourIndex.fileIn(dataDir)
                    + "; run 'parvis territory import-contours PATH' or pass --contours PATH.";
        } else if (points > 0) {
            Random random = new Random(seed + 1);
            List<GeoPoint> box = new ArrayList<>(points / 2);
            for (int i = 0; i < points / 2; i++) {
                box.add(new GeoPoint(
                        MIN_LAT + random.nextDouble() * (MAX_LAT - MIN_LAT),
                        MIN_LON + random.nextDouble() * (MAX_LON - MIN_LON)));
            }
            List<GeoPoint> inside = index.get().listInteriorPoints(points - points / 2, seed + 2);
            List<GeoPoint> all = new ArrayList<>(box);
            all.addAll(inside);
            java.util.Collections.shuffle(all, random);
            ContourIndex contourIndex = index.get();
            sink += warmUp(contourIndex, all);
            rows.add(measurePoints("Point in polygon, all", contourIndex, all));
            rows.add(measurePoints(
                    "– random points in metropolitan France's bounding box", contourIndex, box));
            rows.add(measurePoints("– points inside random communes", contourIndex, inside));
        }

        printTable(out, gazetteer, index, rows, pointNote);
        LOG.debug("Bench done ({} results in warm-up passes)", sink);
        out.flush();
        return 0;
    }

    private Optional<ContourIndex> loadContours() {
        Path file = ContourIndex.fileIn(dataDir);
        if (Files.isRegularFile(file)) {
            return Optional.of(ContourIndex.load(file));
        }
        if (contours != null) {
            return Optional.of(ContourIndex.importGeoJson(contours, FrenchGazetteer.loadDefault()));
        }
        return Optional.empty();
    }

    /** One line of the table: a label and its latencies in nanoseconds, sorted. */
    private record Row(String label, long[] nanos, long found) {}

    private static final int WARM_UP_PASSES = 2;

    // Untimed passes over every look-up, so that the JIT has compiled and settled the code paths
    // before anything is timed.
    private static long warmUp(PlaceSearch search, Map<String, List<String>> mix) {
        long sink = 0;
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (List<String> queries : mix.values()) {
                for (String q : queries) {
                    sink += search.search(q, LIMIT).size();
                }
            }
        }
        return sink;
    }

    private static long warmUp(ContourIndex index, List<GeoPoint> points) {
        long sink = 0;
        for (int pass = 0; pass < WARM_UP_PASSES; pass++) {
            for (GeoPoint p : points) {
                sink += index.findAreaAt(p).isPresent() ? 1 : 0;
            }
        }
        return sink;
    }

    private static Row measureSearch(
            String label, PlaceSearch search, Map<String, List<String>> mix) {
        List<String> all = new ArrayList<>();
        mix.values().forEach(all::addAll);
        java.util.Collections.shuffle(all, new Random(all.size()));
        long[] nanos = new long[all.size()];
        long found = 0;
        for (int i = 0; i < nanos.length; i++) {
            String q = all.get(i);
            long start = System.nanoTime();
            List<PlaceMatch> result = search.search(q, LIMIT);
            nanos[i] = System.nanoTime() - start;
            found += result.isEmpty() ? 0 : 1;
        }
        Arrays.sort(nanos);
        return new Row(label, nanos, found);
    }

    private static Row measurePoints(String label, ContourIndex index, List<GeoPoint> points) {
        long[] nanos = new long[points.size()];
        long found = 0;
        for (int i = 0; i < nanos.length; i++) {
            GeoPoint p = points.get(i);
            long start = System.nanoTime();
            boolean hit = index.findAreaAt(p).isPresent();
            nanos[i] = System.nanoTime() - start;
            found += hit ? 1 : 0;
        }
        Arrays.sort(nanos);
        return new Row(label, nanos, found);
    }

    private static void printTable(
            PrintWriter out,
            FrenchGazetteer gazetteer,
            Optional<ContourIndex> index,
            List<Row> rows,
            @Nullable String pointNote) {
        Runtime runtime = Runtime.getRuntime();
        out.printf(
                Locale.ROOT,
                "Java %s, %d processors, load average %.1f at the end, heap max %d MB; gazetteer "
                        + "COG %s, %d places%s.%n%n",
                System.getProperty("java.version"),
                runtime.availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                runtime.maxMemory() / (1024 * 1024),
                gazetteer.vintage(),
                gazetteer.size(),
                index.map(i -> "; contours of " + i.areaCount() + " areas (" + i.vertexCount()
                                + " vertices) from " + i.source())
                        .orElse(""));
        out.println("| Look-up | Count | Found | p50 (µs) | p90 (µs) | p99 (µs) | max (µs) |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        for (Row row : rows) {
            long[] n = row.nanos();
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %d | %.1f | %.1f | %.1f | %.1f |%n",
                    row.label(),
                    n.length,
                    row.found(),
                    percentile(n, 0.50),
                    percentile(n, 0.90),
                    percentile(n, 0.99),
                    n.length == 0 ? 0.0 : n[n.length - 1] / 1000.0);
        }
        if (pointNote != null) {
            out.println();
            out.println(pointNote);
        }
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank))] / 1000.0;
    }

    // ---- the query mix ----

    private static Map<String, List<String>> queryMix(
            FrenchGazetteer gazetteer, Random random, int total) {
        List<Place> communes = gazetteer.listPlaces(AreaLevel.COMMUNE);
        long[] cumulative = new long[communes.size()];
        long sum = 0;
        for (int i = 0; i < communes.size(); i++) {
            Long population = communes.get(i).population();
            sum += population == null ? 0 : population;
            cumulative[i] = sum;
        }
        List<FormerCommune> formers = gazetteer.listFormerCommunes().stream()
                .filter(f -> f.name() != null)
                .toList();
        List<Place> epcis = gazetteer.listPlaces(AreaLevel.EPCI);

        Map<String, Integer> shares = new LinkedHashMap<>();
        shares.put("official names", 20);
        shares.put("names typed loosely (case, accents, hyphens, St)", 15);
        shares.put("postcodes", 15);
        shares.put("INSEE codes", 5);
        shares.put("SIRENs", 5);
        shares.put("beginnings of names (3 to 6 characters)", 15);
        shares.put("names with one typo", 15);
        shares.put("names with two typos", 5);
        shares.put("former communes' names", 5);

        Map<String, List<String>> mix = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> share : shares.entrySet()) {
            int count = Math.max(1, total * share.getValue() / 100);
            List<String> list = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Place commune = pick(communes, cumulative, sum, random);
                String name = commune.name();
                list.add(
                        switch (share.getKey()) {
                            case "official names" -> name;
                            case "names typed loosely (case, accents, hyphens, St)" ->
                                loosely(name);
                            case "postcodes" ->
                                commune.postcodes().isEmpty()
                                        ? commune.id().code()
                                        : commune.postcodes()
                                                .get(random.nextInt(
                                                        commune.postcodes().size()));
                            case "INSEE codes" -> commune.id().code();
                            case "SIRENs" ->
                                random.nextInt(4) == 0
                                        ? epcis.get(random.nextInt(epcis.size()))
                                                .id()
                                                .code()
                                        : gazetteer
                                                .findSiren(commune.id())
                                                .orElse(commune.id().code());
                            case "beginnings of names (3 to 6 characters)" ->
                                name.substring(0, Math.min(name.length(), 3 + random.nextInt(4)));
                            case "names with one typo" -> typo(name, random);
                            case "names with two typos" -> typo(typo(name, random), random);
                            default ->
                                formers.get(random.nextInt(formers.size())).name();
                        });
            }
            mix.put(share.getKey(), list);
        }
        return mix;
    }

    private static Place pick(List<Place> communes, long[] cumulative, long sum, Random random) {
        if (random.nextBoolean() || sum == 0) {
            return communes.get(random.nextInt(communes.size()));
        }
        long target = (long) (random.nextDouble() * sum);
        int i = Arrays.binarySearch(cumulative, target);
        return communes.get(Math.min(communes.size() - 1, i >= 0 ? i : -i - 1));
    }

    private static String loosely(String name) {
        String folded = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replace('-', ' ')
                .replace("'", " ");
        return folded.replace("saint ", "st ").replace("sainte ", "ste ");
    }

    // One random edit after the first character: deletion, insertion, substitution or swap.
    private static String typo(String name, Random random) {
        if (name.length() < 3) {
            return name;
        }
        int at = 1 + random.nextInt(name.length() - 1);
        char letter = (char) ('a' + random.nextInt(26));
        StringBuilder b = new StringBuilder(name);
        switch (random.nextInt(4)) {
            case 0 -> b.deleteCharAt(at);
            case 1 -> b.insert(at, letter);
            case 2 -> b.setCharAt(at, letter);
            default -> {
                if (at + 1 < b.length()) {
                    char c = b.charAt(at);
                    b.setCharAt(at, b.charAt(at + 1));
                    b.setCharAt(at + 1, c);
                } else {
                    b.deleteCharAt(at);
                }
            }
        }
        return b.toString();
    }
}
