package org.parvis.model;

/**
 * A WGS 84 point. Coordinates are range-checked and rounded to 7 decimals (about 1 cm) so that
 * equality is stable across round trips.
 *
 * <p>Immutable and thread-safe.
 */
public record GeoPoint(double lat, double lon) {

    public GeoPoint {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("coordinates (" + lat + ", " + lon
                    + ") out of range; expected latitude in [-90, 90] and longitude in "
                    + "[-180, 180]");
        }
        lat = Math.round(lat * 1e7) / 1e7;
        lon = Math.round(lon * 1e7) / 1e7;
    }
}
