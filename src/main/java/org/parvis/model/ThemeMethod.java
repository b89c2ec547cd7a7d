package org.parvis.model;

/** How a theme was assigned to an item. */
public enum ThemeMethod {
    SOURCE_MAPPING,
    LEXICON,
    CLASSIFIER,
    MANUAL
}
