package org.parvis.demo;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.source.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A Decidim instance's open-data export on the loopback interface: {@code GET /open-data/download}
 * returns a zip of {@code ;}-separated CSV files ({@code <host>-open-data-<entity>.csv}) and a
 * {@code LICENSE.md}, built from French fixtures written for Parvis (a fictitious "Fabrique
 * citoyenne" of Rennes: processes, an assembly, proposals, meetings, a debate, budget projects,
 * comments). The fixtures carry the export's quirks: a byte-order mark, HTML in descriptions,
 * empty cells, a column Parvis does not know, a formula-guarded cell, a file it does not read.
 *
 * <p>Dates are relative to the instant given at start. Tests can change the served files ({@link
 * #removeRow}, {@link #setCell}, {@link #dropColumn}, {@link #replaceFile}, {@link #removeFile})
 * and make responses fail ({@link #failWith}).
 *
 * <p>Thread-safe. Listens on 127.0.0.1 only; {@link #close} stops it.
 */
public final class FakeOpenDataExport extends LoopbackServer {

    private static final Logger LOG = LoggerFactory.getLogger(FakeOpenDataExport.class);

    /** The public host the fixtures' URLs point to (fictitious). */
    public static final String PUBLIC_HOST = "fabrique-citoyenne.rennes.example";

    /** The fixture files, next to this class under {@code open-data/}. */
    static final List<String> FILES = List.of(
            "participatory_processes.csv",
            "assemblies.csv",
            "proposals.csv",
            "meetings.csv",
            "debates.csv",
            "projects.csv",
            "results.csv",
            "proposal_comments.csv",
            "metrics.csv",
            "LICENSE.md");

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setRecordSeparator('\n')
            .get();

    /** One CSV file: header and rows, or a raw text that replaces them. */
    private static final class Table {
        final boolean bom;
        final List<String> header;
        final List<List<String>> rows;

        @Nullable
        String raw;

        Table(boolean bom, List<String> header, List<List<String>> rows) {
            this.bom = bom;
            this.header = header;
            this.rows = rows;
        }
    }

    private final Map<String, Table> tables = new LinkedHashMap<>();
    private final Map<String, String> texts = new LinkedHashMap<>();

    private FakeOpenDataExport(Instant now) throws IOException {
        super("fake-open-data");
        for (String file : FILES) {
            String content = FixtureDates.materialise(resource(file), now);
            if (file.endsWith(".csv")) {
                tables.put(file.substring(0, file.length() - 4), parse(content));
            } else {
                texts.put(file, content);
            }
        }
        LOG.info("sample open-data export serving {} files on {}", FILES.size(), baseUrl());
    }

    /**
     * Starts the export with dates relative to {@code now}.
     *
     * @throws IOException when no loopback port can be bound
     */
    public static FakeOpenDataExport start(Instant now) throws IOException {
        return new FakeOpenDataExport(now);
    }

    /** A source configuration reading this export, flagged as sample data, licensed CC0. */
    public SourceConfig sourceConfig(String id) {
        return new SourceConfig(
                id,
                "decidim-open-data",
                baseUrl(),
                "Données d'exemple — Fabrique citoyenne de Rennes (export open data)",
                "Ville de Rennes",
                AreaId.commune("35238"),
                List.of("fr", "en"),
                Duration.ofHours(1),
                SampleData.LICENCE,
                true);
    }

    /** The export's URL. */
    public URI downloadUrl() {
        return URI.create(baseUrl() + "/open-data/download");
    }

    /** The ids (first column) of the rows served for an entity, e.g. {@code proposals}. */
    public synchronized List<String> listIds(String entity) {
        Table table = table(entity);
        int id = table.header.indexOf("id");
        return table.rows.stream().map(row -> row.get(id)).toList();
    }

    /** Stops serving the row with this id; returns false when there was none. */
    public synchronized boolean removeRow(String entity, String id) {
        Table table = table(entity);
        int column = table.header.indexOf("id");
        return table.rows.removeIf(row -> row.get(column).equals(id));
    }

    /** Sets one cell of the row with this id. */
    public synchronized void setCell(String entity, String id, String column, String value) {
        Table table = table(entity);
        int index = columnIndex(table, entity, column);
        int idColumn = table.header.indexOf("id");
        List<String> row = table.rows.stream()
                .filter(r -> r.get(idColumn).equals(id))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException(entity + " has no row " + id));
        row.set(index, value);
    }

    /** Removes a column from a file, as an older or customised Decidim would. */
    public synchronized void dropColumn(String entity, String column) {
        Table table = table(entity);
        int index = columnIndex(table, entity, column);
        table.header.remove(index);
        table.rows.forEach(row -> row.remove(index));
    }

    /** Stops serving the file of an entity. */
    public synchronized void removeFile(String entity) {
        table(entity);
        tables.remove(entity);
    }

    /** Serves this text as the file of an entity instead of its table (e.g. malformed CSV). */
    public synchronized void replaceFile(String entity, String content) {
        table(entity).raw = content;
    }

    /** The zip as served now (without faults). */
    public synchronized byte[] zip() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes, StandardCharsets.UTF_8)) {
            for (Map.Entry<String, Table> entry : tables.entrySet()) {
                zip.putNextEntry(
                        new ZipEntry(PUBLIC_HOST + "-open-data-" + entry.getKey() + ".csv"));
                zip.write(csv(entry.getValue()).getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            for (Map.Entry<String, String> entry : texts.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Override
    Reply respond(String path, @Nullable String query) throws IOException {
        if (!"/open-data/download".equals(path)) {
            return Reply.text(404, "text/plain", "not found: " + path);
        }
        return new Reply(200, "application/zip", zip());
    }

    /** A valid export with an extra entry of incompressible bytes. */
    @Override
    Reply hugeBody(long bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            zip.putNextEntry(new ZipEntry(PUBLIC_HOST + "-open-data-attachments.bin"));
            byte[] block = new byte[64 * 1024];
            Random random = new Random(42);
            for (long written = 0; written < bytes; written += block.length) {
                random.nextBytes(block);
                zip.write(block);
            }
            zip.closeEntry();
        }
        return new Reply(200, "application/zip", out.toByteArray());
    }

    private Table table(String entity) {
        Table table = tables.get(entity);
        if (table == null) {
            throw new NoSuchElementException(
                    "no open-data file '" + entity + "'; served: " + tables.keySet());
        }
        return table;
    }

    private static int columnIndex(Table table, String entity, String column) {
        int index = table.header.indexOf(column);
        if (index < 0) {
            throw new NoSuchElementException(entity + " has no column " + column);
        }
        return index;
    }

    private static Table parse(String content) throws IOException {
        boolean bom = content.startsWith("\uFEFF");
        String text = bom ? content.substring(1) : content;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            List<List<String>> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                List<String> values = new ArrayList<>();
                record.forEach(values::add);
                records.add(values);
            }
            List<String> header = new ArrayList<>(records.remove(0));
            return new Table(bom, header, records);
        }
    }

    private static String csv(Table table) {
        if (table.raw != null) {
            return table.raw;
        }
        StringWriter out = new StringWriter();
        if (table.bom) {
            out.write('\uFEFF');
        }
        try {
            FORMAT.printRecord(out, table.header.toArray());
            for (List<String> row : table.rows) {
                FORMAT.printRecord(out, row.toArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = FakeOpenDataExport.class.getResourceAsStream("open-data/" + file)) {
            if (in == null) {
                throw new IOException("fixture open-data/" + file + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
