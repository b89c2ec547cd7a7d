package org.parvis.model;

/** How an item's territory was found. */
public enum Derivation {
    /** The source names the official area. */
    DECLARED,
    /** A source label matched through a table or the gazetteer. */
    MAPPED,
    /** Coordinates or a geometry intersected with contours. */
    GEOMETRY,
    /** Inherited from the organiser's jurisdiction. */
    ORGANISER,
    /** The source's configured default. */
    DEFAULT,
    MANUAL
}
