package org.parvis.index;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.Term;
import org.apache.lucene.util.BytesRef;
import org.jspecify.annotations.Nullable;
import org.parvis.model.AreaId;
import org.parvis.model.AreaLevel;
import org.parvis.model.Json;
import org.parvis.model.LocalizedText;
import org.parvis.model.Process;
import org.parvis.model.SourceKey;
import org.parvis.model.TerritoryRef;
import org.parvis.territory.Gazetteer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns a {@link Process} into its Lucene document: filter terms, doc values for sorting and
 * faceting, language-bucketed text fields and the stored {@link ProcessCard}.
 *
 * <p>The {@code within} closure and the place names come from the gazetteer at indexing time, so a
 * new gazetteer vintage needs a rebuild. Thread-safe: no mutable state.
 */
final class ProcessDocuments {

    private static final ObjectWriter CARD_WRITER = Json.mapper().writerFor(ProcessCard.class);
    private static final ObjectReader CARD_READER = Json.mapper().readerFor(ProcessCard.class);

    private final Gazetteer gazetteer;

    ProcessDocuments(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /** The term that identifies an item's document: its source key. */
    static Term keyTerm(SourceKey key) {
        return new Term(Fields.KEY, key.toString());
    }

    Document toDocument(Process process) {
        Document doc = new Document();
        doc.add(new StringField(Fields.KEY, process.sourceKey().toString(), Field.Store.NO));
        doc.add(new SortedDocValuesField(Fields.ID, new BytesRef(process.id().toString())));

        // Places: the item's own areas for "around", plus every enclosing area for "within".
        Set<AreaId> areas = new TreeSet<>();
        Set<AreaId> within = new TreeSet<>();
        AreaLevel finest = null;
        for (TerritoryRef territory : process.territories()) {
            AreaId area = territory.area();
            areas.add(area);
            within.add(area);
            within.addAll(gazetteer.listParents(area));
            if (finest == null || area.level().compareTo(finest) < 0) {
                finest = area.level();
            }
        }
        areas.forEach(a -> doc.add(new StringField(Fields.AREA, a.value(), Field.Store.NO)));
        doc.add(new SortedDocValuesField(Fields.CLUSTER, new BytesRef(clusterKey(process))));
        within.forEach(a -> doc.add(new StringField(Fields.WITHIN, a.value(), Field.Store.NO)));
        if (finest != null) {
            doc.add(new SortedDocValuesField(Fields.LEVEL, new BytesRef(finest.code())));
        }

        // Facets and filters.
        Set<String> themes = new TreeSet<>();
        process.themes().forEach(t -> themes.add(t.theme()));
        for (String theme : themes) {
            doc.add(new StringField(Fields.THEME, theme, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(Fields.THEME, new BytesRef(theme)));
        }
        String kind = process.processType().code();
        doc.add(new StringField(Fields.KIND, kind, Field.Store.NO));
        doc.add(new SortedDocValuesField(Fields.KIND, new BytesRef(kind)));

        // Dates for the status at query time and for sorting.
        long start = startMillis(process.startAt());
        long end = endMillis(process.endAt());
        doc.add(new NumericDocValuesField(Fields.START, start));
        doc.add(new NumericDocValuesField(Fields.END, end));
        Instant newest = process.publishedAt() != null ? process.publishedAt() : process.startAt();
        doc.add(new NumericDocValuesField(Fields.NEWEST, startMillis(newest)));

        addTexts(doc, process);
        doc.add(new StoredField(Fields.CARD, writeCard(ProcessCard.of(process))));
        return doc;
    }

    /** The path of the first territory from the EU down; empty without territory. */
    private String clusterKey(Process process) {
        if (process.territories().isEmpty()) {
            return "";
        }
        AreaId area = process.territories().get(0).area();
        List<AreaId> parents = gazetteer.listParents(area);
        StringBuilder path = new StringBuilder();
        for (int i = parents.size() - 1; i >= 0; i--) {
            path.append(parents.get(i).value()).append('/');
        }
        return path.append(area.value()).toString();
    }

    private void addTexts(Document doc, Process process) {
        Set<String> buckets = new LinkedHashSet<>();
        addText(doc, buckets, Fields.TITLE_PREFIX, process.title());
        addText(doc, buckets, Fields.SUMMARY_PREFIX, process.summary());
        addText(doc, buckets, Fields.DESCRIPTION_PREFIX, process.description());
        buckets.forEach(b -> doc.add(new StringField(Fields.LANG, b, Field.Store.NO)));

        // Who runs it and where: searchable from every language.
        StringBuilder context = new StringBuilder();
        process.organisers().forEach(o -> context.append(o.name()).append('\n'));
        process.territoryLabels().forEach(l -> context.append(l).append('\n'));
        for (TerritoryRef territory : process.territories()) {
            gazetteer
                    .findPlace(territory.area())
                    .ifPresent(p -> context.append(p.name()).append('\n'));
        }
        if (!context.isEmpty()) {
            // Once per language of the item, so each language's stop words and stemming apply.
            for (String bucket : buckets) {
                doc.add(new TextField(
                        Fields.CONTEXT_PREFIX + bucket, context.toString(), Field.Store.NO));
            }
        }
    }

    private static void addText(
            Document doc, Set<String> buckets, String prefix, @Nullable LocalizedText text) {
        if (text == null) {
            return;
        }
        text.texts().forEach((language, value) -> {
            String bucket = TextAnalysis.bucketOf(language);
            buckets.add(bucket);
            doc.add(new TextField(prefix + bucket, value, Field.Store.NO));
        });
    }

    /** Epoch milliseconds of a start, {@link Long#MIN_VALUE} when unknown. */
    static long startMillis(@Nullable Instant instant) {
        return instant == null ? Long.MIN_VALUE : clampedMillis(instant);
    }

    /** Epoch milliseconds of an end, {@link Long#MAX_VALUE} when unknown. */
    static long endMillis(@Nullable Instant instant) {
        return instant == null ? Long.MAX_VALUE : clampedMillis(instant);
    }

    // The extreme longs mean "unknown", so real dates (even absurd ones) stay strictly inside.
    private static long clampedMillis(Instant instant) {
        try {
            return Math.max(
                    Long.MIN_VALUE + 1, Math.min(Long.MAX_VALUE - 1, instant.toEpochMilli()));
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE + 1 : Long.MAX_VALUE - 1;
        }
    }

    static byte[] writeCard(ProcessCard card) {
        try {
            return CARD_WRITER.writeValueAsBytes(card);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProcessCard readCard(BytesRef bytes) {
        try {
            return CARD_READER.readValue(bytes.bytes, bytes.offset, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException("stored card is unreadable; rebuild the index", e);
        }
    }
}
