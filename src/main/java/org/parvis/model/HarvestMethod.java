package org.parvis.model;

/** How a record was read from its source. */
public enum HarvestMethod {
    GRAPHQL,
    OPEN_DATA_CSV,
    REST,
    FEED,
    DATASPACE,
    PARVIS,
    /** Bundled unified records served as JSON (demo and tests). */
    UNIFIED_JSON
}
