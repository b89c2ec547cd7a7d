package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.time.Instant;

/**
 * What the organiser answered to a contribution or a process (a proposal's answer, a petition's
 * response, a consultation's outcome): its text, when it was given (or is promised), where to read
 * it and who answered.
 *
 * <p>Immutable and thread-safe.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OfficialAnswer(
        LocalizedText text,
        @Nullable Instant at,
        @Nullable Instant expectedAt,
        @Nullable URI url,
        @Nullable Organiser respondent) {

    public OfficialAnswer {
        text = text == null ? LocalizedText.empty() : text;
        if (text.isEmpty() && at == null && expectedAt == null && url == null) {
            throw new IllegalArgumentException(
                    "an official answer needs a text, a date, a promised date or a URL");
        }
    }
}
