package org.parvis.index;

/** The order of search results; every order ends with the item id. */
public enum SortOrder {
    /** End ascending, items without an end last. */
    CLOSING,
    /** Publication (else start) descending, items with neither last. */
    NEWEST,
    /** Full-text score descending; without text, the same as {@link #CLOSING}. */
    RELEVANCE
}
