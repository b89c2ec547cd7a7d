package org.parvis.app;

import org.parvis.source.Harvester;
import org.parvis.source.SourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Harvests each source on its interval, one harvest at a time: the first runs start a few seconds
 * apart, and each source's next run is scheduled {@link SourceConfig#interval()} after its
 * previous run ended, so a slow platform is never asked twice at once.
 *
 * <p>After each harvest the {@code afterHarvest} hook runs on the harvesting thread (e-mail alerts
 * match what it brought).
 *
 * <p>Thread-safe; {@link #close} stops the schedule and interrupts a running harvest.
 *
 * <p>A platform that keeps failing is spared by its source's circuit breaker in the shared HTTP
 * client: its runs end at once while the breaker is open. TODO(#4): harvest sources of different
 * hosts in parallel, so that one large rate-limited source does not delay the others.
 */
final class HarvestScheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HarvestScheduler.class);

    /** Delay between the first runs of consecutive sources. */
    static final Duration STAGGER = Duration.ofSeconds(5);

    private final Harvester harvester;
    private final List<SourceConfig> sources;
    private final ScheduledExecutorService executor;
    private final Runnable afterHarvest;

    HarvestScheduler(Harvester harvester, List<SourceConfig> sources) {
        this(harvester, sources, () -> {});
    }

    HarvestScheduler(Harvester harvester, List<SourceConfig> sources, Runnable afterHarvest) {
        this.harvester = harvester;
        this.afterHarvest = afterHarvest;
        this.sources = List.copyOf(sources);
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "parvis-harvest");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start() {
        long delayMillis = 0;
        for (SourceConfig source : sources) {
            executor.scheduleWithFixedDelay(
                    () -> harvestQuietly(source),
                    delayMillis,
                    source.interval().toMillis(),
                    TimeUnit.MILLISECONDS);
            delayMillis += STAGGER.toMillis();
        }
        LOG.info("harvesting {} sources on their intervals", sources.size());
    }

    /** A scheduled task that throws is never run again: keep every failure inside. */
    private void harvestQuietly(SourceConfig source) {
        try {
            harvester.harvest(source);
            afterHarvest.run();
        } catch (RuntimeException e) {
            LOG.error(
                    "harvest of {} failed unexpectedly; it will be retried at the next interval",
                    source.id(),
                    e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("a harvest did not stop within 30 s of shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
