package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;

class RunRecordTest {

    private static RunRecord run(long id, String name) {
        RunConfig config = RunConfig.defaults(Architecture.MLP, DatasetKind.MNIST).toBuilder().name(name).build();
        return new RunRecord(id, config.displayName(), config, RunStatus.FINISHED, Instant.EPOCH, null, null, 0, 0,
                null, null, null, null, null, Map.of(), Map.of(), null, null, null, null);
    }

    @Test
    void a_rerun_has_the_same_settings_under_a_name_that_tells_it_from_its_source() {
        RunRecord source = run(12, "baseline");

        RunConfig rerun = source.rerunConfig();

        assertThat(rerun.name()).isEqualTo("baseline (re-run of #12)");
        assertThat(rerun.toBuilder().name("baseline").build()).isEqualTo(source.config());
    }

    @Test
    void a_rerun_of_a_rerun_names_the_run_it_repeats_once() {
        assertThat(run(15, "baseline (re-run of #12)").rerunConfig().name()).isEqualTo("baseline (re-run of #15)");
    }

    @Test
    void a_run_without_a_name_is_rerun_under_its_settings_name() {
        RunRecord source = run(3, "");

        assertThat(source.rerunConfig().name()).isEqualTo(source.config().settingsName() + " (re-run of #3)");
    }

    @Test
    void a_long_name_is_shortened_so_the_rerun_stays_valid() {
        RunConfig rerun = run(123_456, "x".repeat(RunConfig.MAX_NAME)).rerunConfig();

        assertThat(rerun.name()).hasSize(RunConfig.MAX_NAME).endsWith("… (re-run of #123456)");
        assertThat(rerun.validate()).isEmpty();
    }
}
