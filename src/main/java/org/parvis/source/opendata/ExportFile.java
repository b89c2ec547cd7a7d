package org.parvis.source.opendata;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One CSV file of a Decidim open-data export, read in full: its zip entry name, the entity it holds
 * ({@code proposals}, {@code participatory_processes}…), its header and its rows.
 *
 * <p>Decidim writes {@code ;}-separated UTF-8 with a header row, sometimes behind a byte-order
 * mark; columns it does not know are kept but never required. Immutable and thread-safe.
 */
final class ExportFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setDelimiter(';')
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setAllowMissingColumnNames(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
            .get();

    private final String entryName;
    private final String entity;
    private final Map<String, Integer> columns;
    private final List<Row> rows;

    private ExportFile(
            String entryName, String entity, Map<String, Integer> columns, List<Row> rows) {
        this.entryName = entryName;
        this.entity = entity;
        this.columns = Map.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /**
     * Parses one CSV file.
     *
     * @throws IOException when the CSV is malformed (e.g. an unterminated quoted cell)
     */
    static ExportFile parse(String entryName, String entity, byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
            Map<String, Integer> columns = new LinkedHashMap<>();
            List<String> names = parser.getHeaderNames();
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i) == null ? "" : names.get(i).strip();
                if (!name.isEmpty()) {
                    columns.putIfAbsent(name, i);
                }
            }
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                rows.add(new Row(entryName, record.getRecordNumber(), columns, values(record)));
            }
            return new ExportFile(entryName, entity, columns, rows);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static List<String> values(CSVRecord record) {
        List<String> values = new ArrayList<>(record.size());
        record.forEach(values::add);
        return values;
    }

    String entryName() {
        return entryName;
    }

    String entity() {
        return entity;
    }

    List<Row> rows() {
        return rows;
    }

    /**
     * The required columns this file lacks. {@code title/*} is satisfied by {@code title} or any
     * {@code title/<locale>} column; {@code url|slug} by either.
     */
    List<String> listMissing(List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String requirement : required) {
            boolean found = false;
            for (String alternative : requirement.split("\\|")) {
                if (alternative.endsWith("/*")) {
                    String base = alternative.substring(0, alternative.length() - 2);
                    found |= columns.containsKey(base)
                            || columns.keySet().stream().anyMatch(c -> c.startsWith(base + "/"));
                } else {
                    found |= columns.containsKey(alternative);
                }
            }
            if (!found) {
                missing.add(requirement);
            }
        }
        return missing;
    }
}
