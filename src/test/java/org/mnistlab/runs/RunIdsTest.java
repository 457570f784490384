package org.mnistlab.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RunIdsTest {

    @Test
    void parses_distinct_ids_in_order() {
        assertThat(RunIds.parse("3, 7,9,,3")).containsExactly(3L, 7L, 9L);
        assertThat(RunIds.format(List.of(3L, 7L, 9L))).isEqualTo("3,7,9");
    }

    @Test
    void rejects_text_negative_and_empty_with_a_message() {
        assertThatThrownBy(() -> RunIds.parse("3,abc")).hasMessageContaining("'abc' is not a run id");
        assertThatThrownBy(() -> RunIds.parse("-2")).hasMessageContaining("'-2' is not a run id");
        assertThatThrownBy(() -> RunIds.parse("")).hasMessageContaining("No runs chosen");
        assertThatThrownBy(() -> RunIds.parse(null)).hasMessageContaining("No runs chosen");
    }

    @Test
    void rejects_more_runs_than_a_chart_can_show() {
        assertThatThrownBy(() -> RunIds.parse("1,2,3,4,5,6,7,8,9")).hasMessageContaining("at most 8");
    }
}
