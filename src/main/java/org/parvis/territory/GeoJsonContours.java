package org.parvis.territory;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.impl.PackedCoordinateSequenceFactory;
import org.parvis.model.Json;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Reads commune contours from GeoJSON {@code FeatureCollection}s, one feature at a time so that a
 * file of several hundred megabytes (the 5 m contours of all France) never sits in memory whole.
 * Files may be gzipped ({@code .geojson.gz}).
 *
 * <p>A feature's code is read from the first property present among {@link #CODE_PROPERTIES}
 * ({@code code} in the Etalab and france-geojson files, {@code INSEE_ARM} / {@code INSEE_COM} in
 * IGN Admin Express). Coordinates must be WGS 84 longitude/latitude, as GeoJSON requires.
 *
 * <p>Stateless and thread-safe; each read uses its own parser.
 */
final class GeoJsonContours {

    /** Properties that may hold the INSEE code, in order of preference. */
    static final List<String> CODE_PROPERTIES = List.of(
            "code",
            "INSEE_ARM",
            "insee_arm",
            "INSEE_COM",
            "insee_com",
            "codgeo",
            "CODGEO",
            "insee");

    /** One feature: its code (or null when it has none) and its polygons (empty when unusable). */
    record Feature(
            @Nullable String code,
            List<Polygon> polygons,
            @Nullable String geometryType) {}

    static final GeometryFactory FACTORY = new GeometryFactory(
            new PrecisionModel(), 4326, PackedCoordinateSequenceFactory.DOUBLE_FACTORY);

    private GeoJsonContours() {}

    /**
     * The GeoJSON files of a path: the file itself, or every {@code .geojson}, {@code .json},
     * {@code .geojson.gz} and {@code .json.gz} file under a folder, sorted by path.
     *
     * @throws IllegalArgumentException when the path does not exist or holds no such file
     */
    static List<Path> listFiles(Path fileOrFolder) throws IOException {
        if (!Files.exists(fileOrFolder)) {
            throw new IllegalArgumentException("contour path " + fileOrFolder.toAbsolutePath()
                    + " does not exist; give a GeoJSON file or a folder of GeoJSON files");
        }
        if (!Files.isDirectory(fileOrFolder)) {
            return List.of(fileOrFolder);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(fileOrFolder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(GeoJsonContours::isGeoJsonName)
                    .sorted()
                    .toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("folder " + fileOrFolder.toAbsolutePath()
                    + " holds no .geojson, .json, .geojson.gz or .json.gz file");
        }
        return files;
    }

    private static boolean isGeoJsonName(Path path) {
        String name = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        return name.endsWith(".geojson")
                || name.endsWith(".json")
                || name.endsWith(".geojson.gz")
                || name.endsWith(".json.gz");
    }

    /**
     * Passes each feature of a FeatureCollection file to {@code sink}.
     *
     * @throws IllegalArgumentException naming the file (and the feature) when it is not a GeoJSON
     *     FeatureCollection or has coordinates outside longitude/latitude ranges
     */
    static void read(Path file, Consumer<Feature> sink) throws IOException {
        ObjectMapper mapper = Json.mapper();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
                InputStream in = isGzip(file) ? new GZIPInputStream(raw, 1 << 16) : raw;
                JsonParser parser = mapper.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notCollection(file, "it does not start with a JSON object");
            }
            boolean sawFeatures = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("features".equals(field) && value == JsonToken.START_ARRAY) {
                    sawFeatures = true;
                    int index = 0;
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        JsonNode node = mapper.readTree(parser);
                        sink.accept(toFeature(node, file, index++));
                    }
                } else {
                    parser.skipChildren();
                }
            }
            if (!sawFeatures) {
                throw notCollection(file, "it has no \"features\" array");
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(
                    "contour file " + file + " is not valid JSON (" + e.getOriginalMessage() + ")",
                    e);
        }
    }

    private static boolean isGzip(Path file) {
        return file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    private static IllegalArgumentException notCollection(Path file, String why) {
        return new IllegalArgumentException(
                "contour file " + file + " is not a GeoJSON FeatureCollection: " + why
                        + "; export the communes layer as GeoJSON (e.g. ogr2ogr -f GeoJSON "
                        + "-t_srs EPSG:4326)");
    }

    private static Feature toFeature(JsonNode node, Path file, int index) {
        JsonNode properties = node.path("properties");
        String code = null;
        for (String name : CODE_PROPERTIES) {
            JsonNode value = properties.path(name);
            if (value.isTextual() && !value.asText().isBlank()) {
                code = value.asText().strip();
                break;
            }
        }
        JsonNode geometry = node.path("geometry");
        String type = geometry.path("type").asText(null);
        JsonNode coordinates = geometry.path("coordinates");
        List<Polygon> polygons = new ArrayList<>(1);
        String where =
                "feature " + index + (code == null ? "" : " (code " + code + ")") + " of " + file;
        if ("Polygon".equals(type)) {
            addPolygon(coordinates, polygons, where);
        } else if ("MultiPolygon".equals(type)) {
            for (JsonNode polygon : coordinates) {
                addPolygon(polygon, polygons, where);
            }
        }
        return new Feature(code, polygons, type);
    }

    private static void addPolygon(JsonNode rings, List<Polygon> out, String where) {
        LinearRing shell = null;
        List<LinearRing> holes = new ArrayList<>();
        for (JsonNode ring : rings) {
            LinearRing linearRing = toRing(ring, where);
            if (linearRing == null) {
                continue;
            }
            if (shell == null) {
                shell = linearRing;
            } else {
                holes.add(linearRing);
            }
        }
        if (shell != null) {
            out.add(FACTORY.createPolygon(shell, holes.toArray(new LinearRing[0])));
        }
    }

    // A ring as packed x,y doubles, closed if the file left it open; null when degenerate.
    private static @Nullable LinearRing toRing(JsonNode ring, String where) {
        int n = ring.size();
        double[] xy = new double[(n + 1) * 2];
        int points = 0;
        for (JsonNode position : ring) {
            double lon = position.path(0).asDouble(Double.NaN);
            double lat = position.path(1).asDouble(Double.NaN);
            if (!(lon >= -180 && lon <= 180 && lat >= -90 && lat <= 90)) {
                throw new IllegalArgumentException(
                        where + " has the position [" + position.path(0) + ", "
                                + position.path(1)
                                + "], outside longitude/latitude ranges; GeoJSON must be WGS 84"
                                + " (EPSG:4326): reproject it, e.g. ogr2ogr -f GeoJSON -t_srs "
                                + "EPSG:4326 out.geojson in.shp");
            }
            xy[points * 2] = lon;
            xy[points * 2 + 1] = lat;
            points++;
        }
        if (points > 0 && (xy[0] != xy[(points - 1) * 2] || xy[1] != xy[(points - 1) * 2 + 1])) {
            xy[points * 2] = xy[0];
            xy[points * 2 + 1] = xy[1];
            points++;
        }
        if (points < 4) {
            return null;
        }
        double[] packed = points * 2 == xy.length ? xy : java.util.Arrays.copyOf(xy, points * 2);
        return FACTORY.createLinearRing(
                PackedCoordinateSequenceFactory.DOUBLE_FACTORY.create(packed, 2));
    }
}
