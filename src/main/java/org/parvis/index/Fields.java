package org.parvis.index;

/**
 * Names of the Lucene fields of a process document, shared by the writer and the searcher. A
 * change here changes the index format: bump {@link #SCHEMA_VERSION} so old indexes are rebuilt.
 */
final class Fields {

    /** Written in every commit; an index with another version needs a rebuild. */
    static final String SCHEMA_VERSION = "2";

    /** Commit user-data key of the last change sequence number applied. */
    static final String COMMIT_CHECKPOINT = "parvis.checkpoint";

    /** Commit user-data key of the schema version. */
    static final String COMMIT_SCHEMA = "parvis.schema";

    /** Source key ({@code sourceId:nativeId}): the term that upserts and deletes replace. */
    static final String KEY = "key";

    /** Public URL, as sorted doc values: the final tie-break of every order. */
    static final String ID = "id";

    /** The item's own territories (terms): scope {@code around}. */
    static final String AREA = "area";

    /** The item's territories and all their gazetteer parents (terms): scope {@code within}. */
    static final String WITHIN = "within";

    /**
     * The index sort key: the path of the item's first territory from the EU down ({@code
     * eu/fr/fr:region:75/fr:departement:33/fr:epci:243300316/fr:commune:33063}), so that the items
     * of one area are neighbours in every segment and a search reads them in one sweep.
     */
    static final String CLUSTER = "cluster";

    /** Theme ids (terms and sorted-set doc values). */
    static final String THEME = "theme";

    /** Process type code (terms and sorted doc values). */
    static final String KIND = "kind";

    /** Finest level among the territories (sorted doc values). */
    static final String LEVEL = "level";

    /** Start in epoch milliseconds, {@link Long#MIN_VALUE} when unknown (numeric doc values). */
    static final String START = "start";

    /** End in epoch milliseconds, {@link Long#MAX_VALUE} when unknown (numeric doc values). */
    static final String END = "end";

    /** Publication (else start) in epoch milliseconds for the newest-first order. */
    static final String NEWEST = "newest";

    /** Language buckets the item has text in (terms), so a language's query only sees them. */
    static final String LANG = "lang";

    /** Organiser and place names, analysed in each of the item's languages (text). */
    static final String CONTEXT_PREFIX = "context.";

    /** The stored card ({@link ProcessCard} as JSON bytes). */
    static final String CARD = "card";

    static final String TITLE_PREFIX = "title.";
    static final String SUMMARY_PREFIX = "summary.";
    static final String DESCRIPTION_PREFIX = "description.";

    private Fields() {}
}
