package org.mnistlab.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.schedule.ISchedule;

class BatchScheduleTest {

    @Test
    void a_schedule_in_use_saves_its_settings_and_loads_to_the_same_rates() throws Exception {
        BatchSchedule schedule = new BatchSchedule(LrSchedule.Type.ONE_CYCLE, 0.0005, 0.005, 100, 1000);
        double atPeak = schedule.valueAt(100, 0);
        String json = NeuralNetConfiguration.mapper().writeValueAsString(schedule);
        assertThat(json).as(json).doesNotContain("curve");
        assertThat(json).as(json).contains("maxLearningRate");

        ISchedule loaded = NeuralNetConfiguration.mapper().readValue(json, ISchedule.class);
        assertThat(loaded).isEqualTo(schedule);
        assertThat(loaded.valueAt(100, 0)).isEqualTo(atPeak).isEqualTo(0.005);
        assertThat(loaded.valueAt(999, 0)).isEqualTo(schedule.valueAt(999, 0));
    }
}
