package org.parvis.source.opendata;

import org.jspecify.annotations.Nullable;
import org.parvis.model.LocalizedText;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One data row of an {@link ExportFile}, read by column name. Empty cells and absent columns read
 * as null; cells are {@linkplain Cells#clean cleaned}.
 *
 * <p>Immutable and thread-safe.
 */
final class Row {

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    private final String file;
    private final long rowNumber;
    private final Map<String, Integer> columns;
    private final List<String> values;

    Row(String file, long rowNumber, Map<String, Integer> columns, List<String> values) {
        this.file = file;
        this.rowNumber = rowNumber;
        this.columns = columns;
        this.values = List.copyOf(values);
    }

    /** Where the row is, for issues: {@code <file> row <n>} (data rows counted from 1). */
    String where() {
        return file + " row " + rowNumber;
    }

    /** Whether the file has this column. */
    boolean hasColumn(String column) {
        return columns.containsKey(column);
    }

    /** The cleaned value of a column; null when the column is absent or the cell empty. */
    @Nullable
    String text(String column) {
        Integer index = columns.get(column);
        if (index == null || index >= values.size()) {
            return null;
        }
        return Cells.clean(values.get(index));
    }

    /** The first non-empty value among these columns. */
    @Nullable
    String first(String... columnNames) {
        for (String column : columnNames) {
            String value = text(column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /**
     * A translated field: one text per {@code <prefix>/<locale>} column (machine translations are
     * left out: the model keeps authors' texts), or the plain {@code <prefix>} column read as
     * {@code defaultLocale}.
     */
    LocalizedText localized(String prefix, String defaultLocale) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> column : columns.entrySet()) {
            String name = column.getKey();
            if (name.startsWith(prefix + "/")) {
                String locale = name.substring(prefix.length() + 1);
                String value = text(name);
                if (LOCALE.matcher(locale).matches() && value != null) {
                    texts.put(locale, value);
                }
            }
        }
        String plain = text(prefix);
        if (plain != null) {
            texts.putIfAbsent(defaultLocale, plain);
        }
        return new LocalizedText(texts, null);
    }
}
