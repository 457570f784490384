package org.mnistlab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.mnistlab.Application;
import org.mnistlab.sweeps.SweepSpec;
import org.mnistlab.sweeps.SweepStrategy;
import org.mnistlab.sweeps.SweptSetting;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunSetting;
import picocli.CommandLine.ParameterException;

class SweepCommandTest {

    private static SweepSpec parse(String... args) {
        picocli.CommandLine cli = CommandLine.commands(Application.class, System.out, System.err);
        var parsed = cli.parseArgs(args).subcommand();
        SweepCommand sweep = cli.getSubcommands().get("sweep").getCommand();
        return sweep.sweepSpec(parsed);
    }

    @Test
    void reads_the_issues_example_into_a_sweep() {
        SweepSpec spec = parse("sweep", "--model", "mlp", "--sweep", "lr=1e-4..1e-2:log", "--sweep",
                "dense-dropout=0,0.2,0.5", "--trials", "12", "--strategy", "random", "--asha", "--epochs", "4");
        assertThat(spec.base().architecture()).isEqualTo(Architecture.MLP);
        assertThat(spec.strategy()).isEqualTo(SweepStrategy.RANDOM);
        assertThat(spec.trialCount()).isEqualTo(12);
        assertThat(spec.swept()).extracting(SweptSetting::setting)
                .containsExactly(RunSetting.LEARNING_RATE, RunSetting.DENSE_DROPOUT);
        assertThat(spec.swept().get(0).kind()).isEqualTo(SweptSetting.Kind.LOG);
        assertThat(spec.asha().rungs()).containsExactly(1, 2);
        assertThat(spec.validate()).isEmpty();
        assertThat(spec.trialConfigs()).hasSize(12);
    }

    @Test
    void names_settings_by_key_too_and_refuses_unknown_ones() {
        SweepSpec spec = parse("sweep", "--model", "mlp", "--sweep", "augmentation.zoomRange=0,0.1");
        assertThat(spec.swept().get(0).setting()).isEqualTo(RunSetting.AUGMENTATION_ZOOM);
        assertThatThrownBy(() -> parse("sweep", "--sweep", "speed=1,2")).isInstanceOf(ParameterException.class)
                .hasMessageStartingWith("--sweep: no setting 'speed'; sweepable: lr, momentum, batch");
    }
}
