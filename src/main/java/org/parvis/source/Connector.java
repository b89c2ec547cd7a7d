package org.parvis.source;

/**
 * Reads one kind of source ({@link SourceConfig#kind()}): lists every record the source publishes,
 * hands each one to {@link HarvestContext#emit} as a unified {@link org.parvis.model.Item}, files a
 * {@link HarvestContext#report source issue} for each record or page it cannot read, and tells in
 * its {@link Listing} whether it saw everything.
 *
 * <p>A connector never writes to the store and never decides removals: the {@link Harvester} does
 * both, and infers removals only from a complete listing. Say {@link Listing#complete()} only when
 * every record the source publishes was emitted; when in doubt, the listing is incomplete, since
 * an incomplete listing merely delays removals while a wrong "complete" deletes live records.
 *
 * <p>Implementations are stateless and thread-safe: one instance serves every source of its kind,
 * possibly from several threads.
 */
public interface Connector {

    /** The {@link SourceConfig#kind()} this connector reads, e.g. {@code unified-json}. */
    String kind();

    /**
     * Lists the source through {@code ctx}. Failures of the platform (HTTP errors, malformed pages)
     * are reported and end the listing as incomplete; they are not thrown.
     *
     * @throws InterruptedException when the harvest is cancelled
     */
    Listing list(SourceConfig source, HarvestContext ctx) throws InterruptedException;
}
