package org.parvis.source.opendata;

import org.jspecify.annotations.Nullable;
import org.parvis.model.Item;
import org.parvis.model.Licence;
import org.parvis.source.Connector;
import org.parvis.source.HarvestContext;
import org.parvis.source.HttpFetcher;
import org.parvis.source.Listing;
import org.parvis.source.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a Decidim instance's open-data export ({@code GET /open-data/download}): a zip of
 * {@code ;}-separated CSV files, one per entity, with translated fields flattened into one column
 * per locale ({@code title/fr}). Spaces (participatory processes, assemblies, initiatives,
 * conferences) become {@link org.parvis.model.Process}es; proposals, amendments, meetings, debates,
 * budget projects and comments become {@link org.parvis.model.Contribution}s, mapped by {@link
 * OpenDataMapper}. Files of other entities (results, posts, users, metrics…) are skipped.
 *
 * <p>Failures never throw: an export that cannot be fetched or is not a readable zip ends the
 * listing as incomplete with a source issue; a file lacking a required column is skipped with a
 * {@code missing-column} issue naming the file and the column; a bad row becomes a {@code
 * bad-record} issue naming the file and row. Each of these makes the listing incomplete, so nothing
 * already harvested is removed. Unknown columns are ignored.
 *
 * <p>The licence is the source's configured one; when that is {@code unknown} and the export ships
 * a {@code LICENSE.md} stating Decidim's default licence, ODbL 1.0 is recorded.
 *
 * <p>Stateless and thread-safe.
 */
public final class DecidimOpenDataConnector implements Connector {

    /** The {@link SourceConfig#kind()} this connector reads. */
    public static final String KIND = "decidim-open-data";

    /** Where the export is, below the platform's root. */
    static final String DOWNLOAD_PATH = "open-data/download";

    /** Uncompressed bytes read from one export, so that a zip bomb cannot exhaust memory. */
    static final long MAX_UNCOMPRESSED_BYTES = 512L * 1024 * 1024;

    /** Decidim's default licence for its open data: ODbL for the database. */
    static final Licence DECIDIM_DEFAULT_LICENCE = new Licence(
            "ODbL-1.0",
            "https://opendatacommons.org/licenses/odbl/1-0/",
            "Open Database License 1.0 (base de données), Database Contents License 1.0"
                    + " (contenus)");

    private static final Logger LOG = LoggerFactory.getLogger(DecidimOpenDataConnector.class);

    /**
     * The entities read, in the order they are read, with the columns each requires and how a row
     * is read. Results come first: they are not items but outcomes of their space, kept by the
     * mapper until the space is read.
     */
    private enum Entity {
        RESULTS("results", List.of("id", "title/*", "url"), (mapper, row) -> {
            mapper.collectOutcome(row);
            return null;
        }),
        PARTICIPATORY_PROCESSES(
                "participatory_processes",
                List.of("id", "title/*", "url|slug"),
                OpenDataMapper::process),
        ASSEMBLIES("assemblies", List.of("id", "title/*", "url|slug"), OpenDataMapper::assembly),
        INITIATIVES("initiatives", List.of("id", "title/*"), OpenDataMapper::initiative),
        CONFERENCES(
                "conferences", List.of("id", "title/*", "url|slug"), OpenDataMapper::conference),
        PROPOSALS("proposals", List.of("id", "title/*", "url"), OpenDataMapper::proposal),
        MEETINGS(
                "meetings", List.of("id", "title/*", "url", "start_time"), OpenDataMapper::meeting),
        DEBATES("debates", List.of("id", "title/*", "url"), OpenDataMapper::debate),
        PROJECTS("projects", List.of("id", "title/*", "url|budget/url"), OpenDataMapper::project),
        COMMENTS(
                "comments",
                List.of(
                        "id",
                        "body/*",
                        "commentable_type",
                        "commentable_id",
                        "root_commentable_url"),
                OpenDataMapper::comment);

        final String fileEntity;
        final List<String> required;
        final RowReader reader;

        Entity(String fileEntity, List<String> required, RowReader reader) {
            this.fileEntity = fileEntity;
            this.required = required;
            this.reader = reader;
        }

        /** The entity of a file, e.g. {@code proposal_comments} → COMMENTS; null if not read. */
        static @Nullable Entity of(String fileEntity) {
            for (Entity entity : values()) {
                if (entity.fileEntity.equals(fileEntity)) {
                    return entity;
                }
            }
            return fileEntity.endsWith("_comments") ? COMMENTS : null;
        }
    }

    /** Reads one row: the item it is, or null when the row only informs others (a result). */
    @FunctionalInterface
    private interface RowReader {
        @Nullable
        Item read(OpenDataMapper mapper, Row row);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Listing list(SourceConfig source, HarvestContext ctx) throws InterruptedException {
        URI url = source.resolve(DOWNLOAD_PATH);

        // Download the whole export; any failure ends the listing.
        HttpFetcher.Response response;
        try {
            response = ctx.get(url, "application/zip, application/octet-stream;q=0.9");
        } catch (IOException e) {
            String reason = HttpFetcher.describe(e);
            ctx.report(
                    "http-error", null, url, "download of the open-data export failed: " + reason);
            return Listing.incomplete(
                    "open-data export (" + HttpFetcher.redact(url) + "): " + reason);
        }
        if (response.status() != 200) {
            String what = "HTTP " + response.status() + " instead of 200";
            ctx.report("http-status", null, url, what);
            return Listing.incomplete(
                    "open-data export (" + HttpFetcher.redact(url) + "): " + what);
        }
        byte[] body = response.body();
        if (!isZip(body)) {
            String what = "not a zip archive (Content-Type " + response.contentType() + ", "
                    + body.length + " bytes starting with '" + preview(body) + "')";
            ctx.report(
                    "bad-export",
                    null,
                    url,
                    what + "; the export may not be generated yet: run 'rake"
                            + " decidim:open_data:export' on the platform");
            return Listing.incomplete("open-data export is " + what);
        }

        Export export;
        try {
            export = Export.read(body);
        } catch (IOException e) {
            String what = "unreadable zip archive: " + HttpFetcher.describe(e);
            ctx.report(
                    "bad-export",
                    null,
                    url,
                    what + " (" + body.length + " bytes received; truncated download?)");
            return Listing.incomplete("open-data export: " + what);
        }
        return new Run(source, ctx, url, export).list();
    }

    /** The listing of one export, file by file. */
    private static final class Run {
        private final SourceConfig source;
        private final HarvestContext ctx;
        private final URI url;
        private final Export export;
        private final List<String> problems = new ArrayList<>();
        private int emitted;

        Run(SourceConfig source, HarvestContext ctx, URI url, Export export) {
            this.source = source;
            this.ctx = ctx;
            this.url = url;
            this.export = export;
        }

        Listing list() {
            Map<Entity, List<ExportFile>> files = parseFiles();
            if (export.csvFiles().keySet().stream()
                    .noneMatch(name -> entityOf(name).equals("participatory_processes"))) {
                // Every Decidim export has this file, even empty: without it, the export is not
                // whole and nothing may be inferred from what it lacks.
                ctx.report(
                        "missing-file",
                        null,
                        url,
                        "the export has no participatory_processes file; is this a Decidim"
                                + " open-data export?");
                problems.add("no participatory_processes file in the export");
            }
            Set<String> budgetSpaces = new HashSet<>();
            for (ExportFile file : files.getOrDefault(Entity.PROJECTS, List.of())) {
                for (Row row : file.rows()) {
                    String space = row.text("participatory_space/url");
                    if (space != null) {
                        budgetSpaces.add(space);
                    }
                }
            }
            OpenDataMapper mapper = new OpenDataMapper(source, ctx, url, licence(), budgetSpaces);

            for (Map.Entry<Entity, List<ExportFile>> entry : files.entrySet()) {
                RowReader reader = entry.getKey().reader;
                for (ExportFile file : entry.getValue()) {
                    int rejected = 0;
                    for (Row row : file.rows()) {
                        rejected += read(row, mapper, reader) ? 0 : 1;
                    }
                    if (rejected > 0) {
                        problems.add(rejected + " row(s) of " + file.entryName() + " rejected");
                    }
                }
            }
            LOG.debug("{}: {} items read from the open-data export", source.id(), emitted);
            return problems.isEmpty()
                    ? Listing.complete()
                    : Listing.incomplete(String.join("; ", problems) + "; see the source issues");
        }

        /** The files read, by entity in reading order; unreadable ones are reported, left out. */
        private Map<Entity, List<ExportFile>> parseFiles() {
            Map<Entity, List<ExportFile>> files = new LinkedHashMap<>();
            for (Entity entity : Entity.values()) {
                files.put(entity, new ArrayList<>());
            }
            for (Map.Entry<String, byte[]> csv : export.csvFiles().entrySet()) {
                String name = csv.getKey();
                String fileEntity = entityOf(name);
                Entity entity = Entity.of(fileEntity);
                if (entity == null) {
                    LOG.debug("{}: skipping {} (entity not harvested)", source.id(), name);
                    continue;
                }
                ExportFile file;
                try {
                    file = ExportFile.parse(name, fileEntity, csv.getValue());
                } catch (IOException e) {
                    ctx.report(
                            "bad-file",
                            name,
                            url,
                            "malformed CSV in " + name + ": " + HttpFetcher.describe(e));
                    problems.add(name + " is malformed");
                    continue;
                }
                List<String> missing = file.listMissing(entity.required);
                if (!missing.isEmpty()) {
                    for (String column : missing) {
                        ctx.report(
                                "missing-column",
                                name,
                                url,
                                "file " + name + " has no column '" + column + "', needed to read"
                                        + " its " + fileEntity + "; the file was skipped");
                    }
                    problems.add(name + " lacks " + String.join(", ", missing));
                    continue;
                }
                files.get(entity).add(file);
            }
            return files;
        }

        private boolean read(Row row, OpenDataMapper mapper, RowReader reader) {
            try {
                Item item = reader.read(mapper, row);
                if (item != null) {
                    ctx.emit(item);
                    emitted++;
                }
                return true;
            } catch (IllegalArgumentException e) {
                String ref = row.first("url", "root_commentable_url", "reference");
                ctx.report(
                        "bad-record",
                        ref == null ? row.where() : ref,
                        url,
                        row.where() + ": " + e.getMessage());
                return false;
            }
        }

        private Licence licence() {
            if (!Licence.UNKNOWN.id().equals(source.licence().id())) {
                return source.licence();
            }
            String text = export.licenceText();
            if (text != null && text.replaceAll("\\s+", " ").contains("Open Database License")) {
                return DECIDIM_DEFAULT_LICENCE;
            }
            return source.licence();
        }
    }

    /** {@code www.example.org-open-data-proposals.csv} → {@code proposals}. */
    static String entityOf(String entryName) {
        String name = entryName.substring(entryName.lastIndexOf('/') + 1);
        name = name.substring(0, name.length() - ".csv".length());
        int marker = name.lastIndexOf("open-data-");
        return (marker < 0 ? name : name.substring(marker + "open-data-".length()))
                .toLowerCase(Locale.ROOT);
    }

    private static boolean isZip(byte[] body) {
        return body.length >= 4 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
    }

    private static String preview(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, 40), StandardCharsets.UTF_8);
        return text.replaceAll("\\s+", " ").strip();
    }

    /**
     * The CSV files and licence text of an export zip. The zip is read through its central
     * directory (a truncated download is refused, not half-read).
     */
    private record Export(
            Map<String, byte[]> csvFiles, @Nullable String licenceText) {

        static Export read(byte[] zip) throws IOException {
            Path file = Files.createTempFile("parvis-open-data-", ".zip");
            try {
                Files.write(file, zip);
                Map<String, byte[]> csvFiles = new LinkedHashMap<>();
                String licence = null;
                long budget = MAX_UNCOMPRESSED_BYTES;
                try (ZipFile archive = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
                    Enumeration<? extends ZipEntry> entries = archive.entries();
                    while (entries.hasMoreElements()) {
                        ZipEntry entry = entries.nextElement();
                        String name = entry.getName();
                        String lower = name.toLowerCase(Locale.ROOT);
                        boolean csv = lower.endsWith(".csv");
                        boolean licenceFile = lower.endsWith("license.md");
                        if (entry.isDirectory() || !(csv || licenceFile)) {
                            continue;
                        }
                        byte[] bytes;
                        try (InputStream in = archive.getInputStream(entry)) {
                            bytes = in.readNBytes(
                                    (int) Math.min(budget + 1, Integer.MAX_VALUE - 8));
                        }
                        budget -= bytes.length;
                        if (budget < 0) {
                            throw new ZipException("the export uncompresses to more than "
                                    + MAX_UNCOMPRESSED_BYTES + " bytes");
                        }
                        if (csv) {
                            csvFiles.put(name, bytes);
                        } else {
                            licence = new String(bytes, StandardCharsets.UTF_8);
                        }
                    }
                }
                return new Export(Collections.unmodifiableMap(csvFiles), licence);
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }
}
