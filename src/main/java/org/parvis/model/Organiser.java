package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.net.URI;

/**
 * A body that runs a process. {@code jurisdiction} is the area it governs, the default territory of
 * its processes.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Organiser(
        String name,
        OrganiserKind kind,
        @Nullable AreaId jurisdiction,
        @Nullable String siren,
        @Nullable URI officialUrl) {

    public Organiser {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("organiser name must not be blank");
        }
        if (kind == null) {
            throw new IllegalArgumentException("organiser '" + name + "' needs a kind");
        }
        if (siren != null && !siren.matches("\\d{9}")) {
            throw new IllegalArgumentException(
                    "SIREN '" + siren + "' of organiser '" + name + "' must be 9 digits");
        }
    }

    public static Organiser of(String name, OrganiserKind kind, @Nullable AreaId jurisdiction) {
        return new Organiser(name, kind, jurisdiction, null, null);
    }
}
