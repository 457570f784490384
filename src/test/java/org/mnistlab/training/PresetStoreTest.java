package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.mnistlab.SpringAppTest;
import org.mnistlab.TestRuns;
import org.springframework.beans.factory.annotation.Autowired;

class PresetStoreTest extends SpringAppTest {

    @Autowired
    PresetStore presets;

    @AfterEach
    void deletePresets() {
        presets.list().forEach(p -> presets.delete(p.id()));
    }

    @Test
    void a_saved_preset_is_listed_by_name_with_its_owner_and_without_the_run_name() {
        RunConfig config = TestRuns.quick(Architecture.MLP, 500, 3).toBuilder().learningRate(0.0042).build();
        presets.save("  zeta mlp ", config, "alice");
        presets.save("Alpha", TestRuns.quick(Architecture.LOGISTIC, 500, 1), null);

        assertThat(presets.list()).extracting(SavedPreset::name).containsExactly("Alpha", "zeta mlp");
        SavedPreset zeta = presets.list().get(1);
        assertThat(zeta.owner()).isEqualTo("alice");
        assertThat(zeta.config()).isEqualTo(config.toBuilder().name("").build());
        assertThat(zeta.config().learningRate()).isEqualTo(0.0042);
    }

    @Test
    void refuses_a_name_taken_by_a_saved_or_built_in_preset_whatever_its_case() {
        RunConfig config = TestRuns.quick(Architecture.MLP, 500, 1);
        presets.save("My best", config, "alice");

        assertThatThrownBy(() -> presets.save("my BEST", config, "bob")).isInstanceOf(PresetNameException.class)
                .hasMessage("A preset named “my BEST” already exists; choose another name");
        assertThatThrownBy(() -> presets.save(RunPreset.SIMPLE_CNN.displayName().toUpperCase(), config, "bob"))
                .isInstanceOf(PresetNameException.class).hasMessageContaining("already exists");
        assertThat(presets.list()).hasSize(1);
    }

    @Test
    void refuses_an_empty_or_too_long_name() {
        RunConfig config = TestRuns.quick(Architecture.MLP, 500, 1);
        assertThatThrownBy(() -> presets.save("  ", config, null)).hasMessage("Enter a name for the preset");
        assertThatThrownBy(() -> presets.save("x".repeat(PresetStore.MAX_NAME_LENGTH + 1), config, null))
                .hasMessage("At most 100 characters");
        assertThat(presets.list()).isEmpty();
    }
}
