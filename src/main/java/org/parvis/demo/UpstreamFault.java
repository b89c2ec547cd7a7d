package org.parvis.demo;

/**
 * A way a fake upstream ({@link FakeOpenDataExport}, {@link FakeDataspace}) can misbehave, to test
 * that a harvest fails cleanly, records why, and loses nothing.
 */
public enum UpstreamFault {
    /** The response is held back for {@link LoopbackServer#TIMEOUT_DELAY_MILLIS}. */
    TIMEOUT,
    /** HTTP 429 with {@code Retry-After: 1}. */
    TOO_MANY_REQUESTS,
    /** HTTP 500 with a short text body. */
    SERVER_ERROR,
    /** HTTP 200 with an HTML page (a maintenance page, or Decidim's "not yet available"). */
    HTML_ERROR_PAGE,
    /** HTTP 200 with only the first half of the body. */
    TRUNCATED_BODY,
    /** HTTP 200 with a well-formed body larger than {@link LoopbackServer#hugeBodyBytes}. */
    HUGE_BODY
}
