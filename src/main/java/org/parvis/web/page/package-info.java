/**
 * The citizen's web pages of a Parvis node: {@link org.parvis.web.page.Pages} serves home, place
 * chooser, feed, item and sources pages in French and English, rendered from the precompiled JTE
 * templates of {@code src/main/jte/page}, and the feed's Atom and iCalendar twins. It reuses the
 * JSON API's parameter validation, so pages and API accept the same queries.
 *
 * <p>Everything else in the package is internal: the view records the templates render ({@code
 * Views}), texts, date formats, URL building, HTML sanitising, feed writers and static assets.
 */
@NullMarked
package org.parvis.web.page;

import org.jspecify.annotations.NullMarked;
