/**
 * The HTTP API of a Parvis node: {@link org.parvis.web.ApiServer} serves the feed, items, places,
 * sources, themes, health, metrics and the OpenAPI document (all read-only), and classifies texts
 * into themes on {@code POST /api/v1/classify} (storing nothing), from an {@link
 * org.parvis.web.ApiContext} that wires in the feed, store, gazetteer and source list.
 *
 * <p>Everything else in the package is internal: request parsing ({@code QueryParams}, {@code
 * FeedRequest}), one class per group of endpoints, and RFC 9457 problems for every error.
 */
@NullMarked
package org.parvis.web;

import org.jspecify.annotations.NullMarked;
