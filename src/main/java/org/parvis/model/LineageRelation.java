package org.parvis.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How a contribution relates to another one it was derived from or linked to. The JSON names are
 * those of the Parvis model ({@code copiedFrom}, {@code selectedAs}…).
 */
public enum LineageRelation {
    /** An amendment of the target proposal. */
    @JsonProperty("amends")
    AMENDS,
    @JsonProperty("copiedFrom")
    COPIED_FROM,
    @JsonProperty("mergedFrom")
    MERGED_FROM,
    @JsonProperty("splitFrom")
    SPLIT_FROM,
    /** Linked by the platform without a stronger meaning (Decidim "related proposals"). */
    @JsonProperty("relatedTo")
    RELATED_TO,
    /** Presented or discussed in the target meeting. */
    @JsonProperty("createdInMeeting")
    CREATED_IN_MEETING,
    /** A proposal that became the target budget project. */
    @JsonProperty("selectedAs")
    SELECTED_AS
}
