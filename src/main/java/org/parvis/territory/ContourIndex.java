package org.parvis.territory;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.locationtech.jts.index.strtree.AbstractNode;
import org.locationtech.jts.index.strtree.Boundable;
import org.locationtech.jts.index.strtree.ItemBoundable;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.GeoPoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;

/**
 * Commune and municipal-arrondissement contours, answering "which commune contains this point?"
 * for {@code GET /api/v1/places/at} and for placing geolocated items.
 *
 * <p>Contours come from GeoJSON ({@link #importGeoJson}), whose codes may be older than the
 * gazetteer: a code that is no longer a commune is mapped to today's commune through the
 * gazetteer's former communes (a commune déléguée or associée first, then a merged code), and the
 * polygons of communes merged since are united. An arrondissement contour wins over its commune's
 * when both are loaded; when the file has none (the 2018 contours have none for Paris, Lyon and
 * Marseille) the answer is the commune.
 *
 * <p>Look-up: an STR-tree over each polygon's bounding box, then a point-in-polygon test. Polygons
 * of more than {@value #INDEXED_LOCATOR_MIN_VERTICES} vertices get JTS's {@link
 * IndexedPointInAreaLocator} (the engine of {@code PreparedPolygon}), built at construction;
 * smaller ones are tested by ray crossing, which is as fast for them and costs no memory (indexing
 * all 2.2 million segments of the 2018 contours would take some 300 MB).
 *
 * <p>{@link #save} writes a compact binary file (gzip of delta-encoded coordinates at 10⁻⁶ degree,
 * about 10 cm), which the server reads at start with {@link #load} or {@link #findInDataDir}.
 *
 * <p>Immutable after construction and thread-safe: the tree is built and every locator warmed in
 * the constructor, and look-ups walk the tree without locking.
 */
public final class ContourIndex {

    /** The file name of the contours in the data directory. */
    public static final String FILE_NAME = "contours.bin";

    private static final Logger LOG = LoggerFactory.getLogger(ContourIndex.class);

    private static final int INDEXED_LOCATOR_MIN_VERTICES = 256;
    private static final byte[] MAGIC = "PARVISCT".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT_VERSION = 1;
    private static final double SCALE = 1e6;

    /**
     * What an import found: how many files and features it read, how many areas it built, which
     * codes it could not place and which current communes got no contour.
     *
     * @param files GeoJSON files read
     * @param features features read
     * @param areas communes and arrondissements with a contour
     * @param mergedAreas areas built by uniting the contours of several former communes
     * @param skippedFeatures features without a commune or arrondissement code, or without polygons
     * @param unmappedCodes codes that are neither current nor former communes (sorted)
     * @param ambiguousCodes former codes now split between several communes (sorted; skipped)
     * @param communesWithoutContour current communes no feature covers (sorted)
     */
    public record ImportReport(
            int files,
            int features,
            int areas,
            int mergedAreas,
            int skippedFeatures,
            List<String> unmappedCodes,
            List<String> ambiguousCodes,
            List<AreaId> communesWithoutContour) {

        public ImportReport {
            unmappedCodes = List.copyOf(unmappedCodes);
            ambiguousCodes = List.copyOf(ambiguousCodes);
            communesWithoutContour = List.copyOf(communesWithoutContour);
        }
    }

    /** One polygon of an area, with its point locator. Arrondissements rank before communes. */
    private record Part(AreaId area, int rank, Polygon polygon, PointOnGeometryLocator locator) {}

    private final Map<AreaId, Geometry> geometries;
    private final STRtree tree;
    private final AbstractNode root;
    private final String source;
    private final @Nullable ImportReport report;
    private final int vertexCount;

    private ContourIndex(
            Map<AreaId, Geometry> geometries, String source, @Nullable ImportReport report) {
        this.geometries = Collections.unmodifiableMap(new TreeMap<>(geometries));
        this.source = source;
        this.report = report;
        this.tree = new STRtree();
        int vertices = 0;
        for (Map.Entry<AreaId, Geometry> entry : this.geometries.entrySet()) {
            AreaId area = entry.getKey();
            int rank = area.value().startsWith("fr:arrondissement:") ? 0 : 1;
            Geometry geometry = entry.getValue();
            for (int i = 0; i < geometry.getNumGeometries(); i++) {
                Polygon polygon = (Polygon) geometry.getGeometryN(i);
                vertices += polygon.getNumPoints();
                PointOnGeometryLocator locator = locatorFor(polygon);
                tree.insert(polygon.getEnvelopeInternal(), new Part(area, rank, polygon, locator));
            }
        }
        this.vertexCount = vertices;
        tree.build();
        this.root = tree.getRoot();
    }

    private static PointOnGeometryLocator locatorFor(Polygon polygon) {
        if (polygon.getNumPoints() < INDEXED_LOCATOR_MIN_VERTICES) {
            return p -> SimplePointInAreaLocator.locatePointInPolygon(p, polygon);
        }
        IndexedPointInAreaLocator locator = new IndexedPointInAreaLocator(polygon);
        // The first call builds the segment index; doing it here keeps look-ups lock-free.
        locator.locate(polygon.getEnvelopeInternal().centre());
        return locator;
    }

    /**
     * The arrondissement municipal or commune whose contour contains the point (a point on a
     * border gets one of the two), or empty when the point lies outside every contour: at sea,
     * abroad, or in a commune without a contour.
     */
    public Optional<AreaId> findAreaAt(GeoPoint point) {
        Coordinate c = new Coordinate(point.lon(), point.lat());
        Part[] best = new Part[1];
        visit(root, c, best);
        return best[0] == null ? Optional.empty() : Optional.of(best[0].area());
    }

    // Walks the built tree directly: STRtree.query would take a lock on every call.
    private static void visit(AbstractNode node, Coordinate c, Part[] best) {
        List<?> children = node.getChildBoundables();
        for (Object child : children) {
            Boundable boundable = (Boundable) child;
            Envelope bounds = (Envelope) boundable.getBounds();
            if (!bounds.covers(c.x, c.y)) {
                continue;
            }
            if (boundable instanceof AbstractNode inner) {
                visit(inner, c, best);
            } else {
                Part part = (Part) ((ItemBoundable) boundable).getItem();
                if (isBetter(part, best[0]) && part.locator().locate(c) != Location.EXTERIOR) {
                    best[0] = part;
                }
            }
        }
    }

    private static boolean isBetter(Part candidate, @Nullable Part current) {
        if (current == null) {
            return true;
        }
        if (candidate.rank() != current.rank()) {
            return candidate.rank() < current.rank();
        }
        return candidate.area().compareTo(current.area()) < 0;
    }

    /** Whether the index holds a contour for this area. */
    public boolean hasContour(AreaId area) {
        return geometries.containsKey(area);
    }

    /** How many communes and arrondissements have a contour. */
    public int areaCount() {
        return geometries.size();
    }

    /** How many polygon vertices the contours hold. */
    public int vertexCount() {
        return vertexCount;
    }

    /** Where the contours came from (the imported files), for operators. */
    public String source() {
        return source;
    }

    /** The report of the import that built this index; empty for an index loaded from a file. */
    public Optional<ImportReport> importReport() {
        return Optional.ofNullable(report);
    }

    /**
     * Points inside randomly chosen contours (one interior point per chosen polygon), for
     * benchmarks and tests.
     */
    List<GeoPoint> listInteriorPoints(int count, long seed) {
        List<Geometry> all = new ArrayList<>(geometries.values());
        Random random = new Random(seed);
        List<GeoPoint> points = new ArrayList<>(count);
        for (int i = 0; i < count && !all.isEmpty(); i++) {
            Geometry geometry = all.get(random.nextInt(all.size()));
            Geometry polygon = geometry.getGeometryN(random.nextInt(geometry.getNumGeometries()));
            Point interior = polygon.getInteriorPoint();
            points.add(new GeoPoint(interior.getY(), interior.getX()));
        }
        return points;
    }

    // ---- import ----

    /**
     * Imports contours from a GeoJSON file or a folder of them (searched recursively), mapping
     * their codes to the gazetteer's current communes and arrondissements. Features whose code is
     * not a commune code (départements, régions) are skipped; the report lists codes that map to
     * nothing.
     *
     * @throws IllegalArgumentException when the path holds no GeoJSON, a file is not a GeoJSON
     *     FeatureCollection, or its coordinates are not longitude/latitude
     * @throws UncheckedIOException when a file cannot be read
     */
    public static ContourIndex importGeoJson(Path fileOrFolder, FrenchGazetteer gazetteer) {
        long start = System.nanoTime();
        CodeMapper mapper = new CodeMapper(gazetteer);
        Map<AreaId, List<Polygon>> parts = new HashMap<>();
        Map<AreaId, Integer> featuresPerArea = new HashMap<>();
        int[] counts = new int[2];
        List<Path> files;
        try {
            files = GeoJsonContours.listFiles(fileOrFolder);
            for (Path file : files) {
                GeoJsonContours.read(file, feature -> {
                    counts[0]++;
                    AreaId area = feature.code() == null ? null : mapper.map(feature.code());
                    if (area == null || feature.polygons().isEmpty()) {
                        counts[1]++;
                        return;
                    }
                    parts.computeIfAbsent(area, k -> new ArrayList<>(1)).addAll(feature.polygons());
                    featuresPerArea.merge(area, 1, Integer::sum);
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read contours under " + fileOrFolder + ": " + e.getMessage(), e);
        }

        Map<AreaId, Geometry> geometries = new HashMap<>(parts.size() * 2);
        int merged = 0;
        for (Map.Entry<AreaId, List<Polygon>> entry : parts.entrySet()) {
            boolean several = featuresPerArea.get(entry.getKey()) > 1;
            merged += several ? 1 : 0;
            geometries.put(
                    entry.getKey(), several ? union(entry.getValue()) : multi(entry.getValue()));
        }

        // TODO(#3): a commune restored after the contours' edition (14666 Sannerville with the
        // 2018 files) has no contour, and its land still answers as the commune it left.
        List<AreaId> without = new ArrayList<>();
        for (Place commune : gazetteer.listPlaces(AreaLevel.COMMUNE)) {
            if (!geometries.containsKey(commune.id())) {
                without.add(commune.id());
            }
        }
        ImportReport report = new ImportReport(
                files.size(),
                counts[0],
                geometries.size(),
                merged,
                counts[1],
                List.copyOf(mapper.unmapped),
                List.copyOf(mapper.ambiguous),
                without);
        String source = files.size() == 1
                ? files.get(0).toAbsolutePath().toString()
                : files.size() + " files under " + fileOrFolder.toAbsolutePath();
        ContourIndex index = new ContourIndex(geometries, source, report);
        LOG.info(
                "Imported contours from {} in {} ms: {} features, {} areas ({} rebuilt from "
                        + "merged communes),"
                        + " {} features skipped, {} unmapped codes, {} ambiguous codes, {} "
                        + "communes without contour",
                source,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                report.features(),
                report.areas(),
                report.mergedAreas(),
                report.skippedFeatures(),
                report.unmappedCodes().size(),
                report.ambiguousCodes().size(),
                report.communesWithoutContour().size());
        return index;
    }

    private static Geometry multi(List<Polygon> polygons) {
        return polygons.size() == 1
                ? polygons.get(0)
                : GeoJsonContours.FACTORY.createMultiPolygon(polygons.toArray(new Polygon[0]));
    }

    // Contours simplified commune by commune may not meet exactly; keep the parts if union fails.
    private static Geometry union(List<Polygon> polygons) {
        try {
            Geometry union = UnaryUnionOp.union(polygons);
            List<Polygon> result = new ArrayList<>();
            for (int i = 0; i < union.getNumGeometries(); i++) {
                if (union.getGeometryN(i) instanceof Polygon polygon && !polygon.isEmpty()) {
                    result.add(polygon);
                }
            }
            return result.isEmpty() ? multi(polygons) : multi(result);
        } catch (TopologyException e) {
            LOG.debug(
                    "Union of {} contours failed ({}); keeping them side by side",
                    polygons.size(),
                    e.getMessage());
            return multi(polygons);
        }
    }

    /** Maps contour codes to current areas; collects the codes it cannot map. Single-threaded. */
    private static final class CodeMapper {
        private final FrenchGazetteer gazetteer;
        private final Map<String, List<FormerCommune>> formers = new HashMap<>();
        private final Map<String, Optional<AreaId>> cache = new HashMap<>();
        final Set<String> unmapped = new TreeSet<>();
        final Set<String> ambiguous = new TreeSet<>();

        CodeMapper(FrenchGazetteer gazetteer) {
            this.gazetteer = gazetteer;
            for (FormerCommune former : gazetteer.listFormerCommunes()) {
                formers.computeIfAbsent(former.code(), k -> new ArrayList<>(1)).add(former);
            }
        }

        @Nullable
        AreaId map(String code) {
            return cache.computeIfAbsent(code, this::resolve).orElse(null);
        }

        private Optional<AreaId> resolve(String code) {
            if (!isCommuneCode(code)) {
                return Optional.empty();
            }
            AreaId commune = AreaId.commune(code);
            if (gazetteer.findPlace(commune).isPresent()) {
                return Optional.of(commune);
            }
            AreaId arrondissement = AreaId.arrondissement(code);
            if (code.matches("\\d{5}") && gazetteer.findPlace(arrondissement).isPresent()) {
                return Optional.of(arrondissement);
            }

            // A délégée or associée still lies inside its commune; a merged code may be older.
            List<FormerCommune> candidates = formers.getOrDefault(code, List.of());
            for (boolean parts : new boolean[] {true, false}) {
                Set<AreaId> targets = new TreeSet<>();
                for (FormerCommune former : candidates) {
                    if (parts != former.type().equals(FormerCommune.ANCIEN_CODE)) {
                        targets.add(former.current());
                    }
                }
                if (targets.size() == 1) {
                    return Optional.of(targets.iterator().next());
                }
                if (targets.size() > 1) {
                    ambiguous.add(code);
                    return Optional.empty();
                }
            }
            unmapped.add(code);
            return Optional.empty();
        }

        private static boolean isCommuneCode(String code) {
            return code.length() == 5 && code.matches("(?:\\d{2}|2A|2B)\\d{3}");
        }
    }

    // ---- save and load ----

    /** The contour file of a data directory. */
    public static Path fileIn(Path dataDir) {
        return dataDir.resolve(FILE_NAME);
    }

    /**
     * Loads {@code <dataDir>/contours.bin} when it exists.
     *
     * @throws IllegalArgumentException when the file exists but is not a valid contour file
     */
    public static Optional<ContourIndex> findInDataDir(Path dataDir) {
        Path file = fileIn(dataDir);
        if (!Files.isRegularFile(file)) {
            LOG.info(
                    "No commune contours at {}: point look-ups are off until you run"
                            + " 'parvis territory import-contours PATH --data {}'",
                    file.toAbsolutePath(),
                    dataDir);
            return Optional.empty();
        }
        return Optional.of(load(file));
    }

    /**
     * Writes the contours to {@code file} (through a temporary file, so a reader never sees half
     * a file), creating its folder if needed.
     *
     * @throws UncheckedIOException when the file cannot be written
     */
    public void save(Path file) {
        Path absolute = file.toAbsolutePath();
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        try {
            Files.createDirectories(absolute.getParent());
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
                    new GZIPOutputStream(Files.newOutputStream(temporary), 1 << 16), 1 << 16))) {
                out.write(MAGIC);
                out.writeInt(FORMAT_VERSION);
                out.writeUTF(truncate(source));
                out.writeInt(geometries.size());
                for (Map.Entry<AreaId, Geometry> entry : geometries.entrySet()) {
                    out.writeUTF(entry.getKey().value());
                    Geometry geometry = entry.getValue();
                    out.writeInt(geometry.getNumGeometries());
                    for (int i = 0; i < geometry.getNumGeometries(); i++) {
                        writePolygon(out, (Polygon) geometry.getGeometryN(i));
                    }
                }
            }
            Files.move(
                    temporary,
                    absolute,
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot write contours to " + absolute + ": " + e.getMessage(), e);
        }
    }

    private static String truncate(String text) {
        return text.length() > 1_000 ? text.substring(0, 1_000) : text;
    }

    private static void writePolygon(DataOutputStream out, Polygon polygon) throws IOException {
        out.writeInt(1 + polygon.getNumInteriorRing());
        writeRing(out, polygon.getExteriorRing());
        for (int i = 0; i < polygon.getNumInteriorRing(); i++) {
            writeRing(out, polygon.getInteriorRingN(i));
        }
    }

    private static void writeRing(DataOutputStream out, LinearRing ring) throws IOException {
        CoordinateSequence sequence = ring.getCoordinateSequence();
        int n = sequence.size();
        out.writeInt(n);
        long previousX = 0;
        long previousY = 0;
        for (int i = 0; i < n; i++) {
            long x = Math.round(sequence.getX(i) * SCALE);
            long y = Math.round(sequence.getY(i) * SCALE);
            writeVarLong(out, zigzag(x - previousX));
            writeVarLong(out, zigzag(y - previousY));
            previousX = x;
            previousY = y;
        }
    }

    /**
     * Reads a file written by {@link #save}.
     *
     * @throws IllegalArgumentException when the file is not a Parvis contour file, has another
     *     format version, or is truncated
     * @throws UncheckedIOException when it cannot be read
     */
    public static ContourIndex load(Path file) {
        long start = System.nanoTime();
        String redo = "; re-create it with 'parvis territory import-contours PATH'";
        Map<AreaId, Geometry> geometries = new LinkedHashMap<>();
        String source;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(
                new GZIPInputStream(
                        new BufferedInputStream(Files.newInputStream(file), 1 << 16), 1 << 16),
                1 << 16))) {
            byte[] magic = new byte[MAGIC.length];
            in.readFully(magic);
            if (!Arrays.equals(magic, MAGIC)) {
                throw new IllegalArgumentException(file + " is not a Parvis contour file" + redo);
            }
            int version = in.readInt();
            if (version != FORMAT_VERSION) {
                throw new IllegalArgumentException(file + " has contour format " + version
                        + ", this Parvis reads format " + FORMAT_VERSION + redo);
            }
            source = in.readUTF();
            int areas = in.readInt();
            for (int a = 0; a < areas; a++) {
                AreaId id = AreaId.parse(in.readUTF());
                int polygons = in.readInt();
                Polygon[] parts = new Polygon[polygons];
                for (int p = 0; p < polygons; p++) {
                    parts[p] = readPolygon(in);
                }
                geometries.put(
                        id,
                        parts.length == 1
                                ? parts[0]
                                : GeoJsonContours.FACTORY.createMultiPolygon(parts));
            }
        } catch (ZipException e) {
            throw new IllegalArgumentException(
                    file + " is not a Parvis contour file (" + e.getMessage() + ")" + redo, e);
        } catch (EOFException e) {
            throw new IllegalArgumentException(file + " is truncated" + redo, e);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot read contours from " + file + ": " + e.getMessage(), e);
        }
        ContourIndex index = new ContourIndex(geometries, source, null);
        LOG.info(
                "Loaded contours of {} communes and arrondissements ({} vertices) from {} in {} ms",
                index.areaCount(),
                index.vertexCount(),
                file,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        return index;
    }

    private static Polygon readPolygon(DataInputStream in) throws IOException {
        int rings = in.readInt();
        if (rings < 1) {
            throw new EOFException("polygon without rings");
        }
        LinearRing shell = readRing(in);
        LinearRing[] holes = new LinearRing[rings - 1];
        for (int i = 0; i < holes.length; i++) {
            holes[i] = readRing(in);
        }
        return GeoJsonContours.FACTORY.createPolygon(shell, holes);
    }

    private static LinearRing readRing(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 4 || n > 100_000_000) {
            throw new EOFException("ring of " + n + " points");
        }
        double[] xy = new double[n * 2];
        long x = 0;
        long y = 0;
        for (int i = 0; i < n; i++) {
            x += unzigzag(readVarLong(in));
            y += unzigzag(readVarLong(in));
            xy[i * 2] = x / SCALE;
            xy[i * 2 + 1] = y / SCALE;
        }
        return GeoJsonContours.FACTORY.createLinearRing(
                PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(xy, 2));
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    private static long unzigzag(long v) {
        return (v >>> 1) ^ -(v & 1);
    }

    private static void writeVarLong(DataOutputStream out, long v) throws IOException {
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    private static long readVarLong(DataInputStream in) throws IOException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw new EOFException("malformed number");
    }
}
