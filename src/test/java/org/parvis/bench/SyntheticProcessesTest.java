package org.parvis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.parvis.model.AreaLevel;
import org.parvis.model.Process;
import org.parvis.model.ProcessStatus;
import org.parvis.model.ThemeAssignment;

import java.util.List;

class SyntheticProcessesTest {

    private final SyntheticProcesses generator = new SyntheticProcesses(new SmallGazetteer());

    @Test
    void theSameSeedGivesTheSameProcesses() {
        BenchDataset first = generator.generate(500, 42, FeedBench.DEFAULT_NOW);
        BenchDataset again = generator.generate(500, 42, FeedBench.DEFAULT_NOW);
        BenchDataset other = generator.generate(500, 43, FeedBench.DEFAULT_NOW);

        assertThat(again.processes()).isEqualTo(first.processes());
        assertThat(other.processes()).isNotEqualTo(first.processes());
    }

    @Test
    void mixesLevelsAndStatusesAsDescribed() {
        List<Process> processes =
                generator.generate(20_000, 1, FeedBench.DEFAULT_NOW).processes();

        assertThat(share(processes, p -> level(p) == AreaLevel.COMMUNE))
                .isCloseTo(0.70, within(0.02));
        assertThat(share(processes, p -> level(p) == AreaLevel.EPCI)).isCloseTo(0.10, within(0.01));
        assertThat(share(processes, p -> level(p) == AreaLevel.EU)).isCloseTo(0.02, within(0.005));
        double openOrUpcoming = share(processes, p -> {
            ProcessStatus status = p.statusAt(FeedBench.DEFAULT_NOW);
            return status == ProcessStatus.OPEN || status == ProcessStatus.UPCOMING;
        });
        assertThat(openOrUpcoming).isBetween(0.20, 0.30);
        assertThat(processes)
                .anyMatch(p -> p.endAt() == null)
                .anyMatch(p -> p.territories().size() == 2);
    }

    @Test
    void givesEveryProcessOneToThreeDistinctThemesOfTheTaxonomy() {
        for (Process process :
                generator.generate(2_000, 3, FeedBench.DEFAULT_NOW).processes()) {
            List<String> themes =
                    process.themes().stream().map(ThemeAssignment::theme).toList();
            assertThat(themes).hasSizeBetween(1, 3).doesNotHaveDuplicates();
            assertThat(SyntheticProcesses.THEMES).containsAll(themes);
        }
    }

    private static AreaLevel level(Process process) {
        return process.territories().get(0).area().level();
    }

    private static double share(
            List<Process> processes, java.util.function.Predicate<Process> test) {
        return (double) processes.stream().filter(test).count() / processes.size();
    }
}
