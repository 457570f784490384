package org.mnistlab.runs.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mnistlab.dataset.DatasetKind;
import org.mnistlab.training.Architecture;
import org.mnistlab.training.RunFilter;
import org.mnistlab.training.RunSort;
import org.mnistlab.training.RunStatus;

class RunsAddressTest {

    @Test
    void filters_and_sort_survive_a_round_trip_through_the_query() {
        RunsAddress address = new RunsAddress(new RunFilter(DatasetKind.FASHION_MNIST, Architecture.SIMPLE_CNN,
                RunStatus.FINISHED, "lr 0.01 & more", 3L), new RunSort(RunSort.Column.TEST_ACCURACY, true));
        String query = address.query();
        assertThat(query).startsWith("dataset=fashion-mnist&model=").contains("status=finished")
                .contains("sweep=3").contains("sort=test_accuracy&dir=asc").doesNotContain(" ");
        assertThat(RunsAddress.parse(parse(query))).isEqualTo(address);
    }

    @Test
    void all_runs_newest_first_is_the_bare_address() {
        assertThat(new RunsAddress(RunFilter.ALL, RunSort.NEWEST_FIRST).query()).isEmpty();
        assertThat(RunsAddress.parse(Map.of())).isEqualTo(new RunsAddress(RunFilter.ALL, RunSort.NEWEST_FIRST));
    }

    @Test
    void ignores_values_that_do_not_parse() {
        RunsAddress address = RunsAddress.parse(Map.of("dataset", List.of("cifar"), "status", List.of("nope"),
                "sort", List.of("colour"), "q", List.of("  "), "sweep", List.of("x")));
        assertThat(address).isEqualTo(new RunsAddress(RunFilter.ALL, RunSort.NEWEST_FIRST));
    }

    private static Map<String, List<String>> parse(String query) {
        return com.vaadin.flow.router.QueryParameters.fromString(query).getParameters();
    }
}
