package org.mnistlab.api;

import java.util.List;
import org.mnistlab.training.ClassMetrics;
import org.mnistlab.training.Evaluation;
import org.mnistlab.training.RunReport;

/** One run with its finished epochs and, once finished, its test-set evaluation (null before). */
public record RunDetailsJson(RunJson run, List<EpochJson> epochs, EvaluationJson evaluation) {

    /**
     * @param confusion {@code confusion[actual][predicted]} image counts
     */
    public record EvaluationJson(double accuracy, double loss, int[][] confusion, List<ClassMetrics> perClass) {

        static EvaluationJson of(Evaluation e) {
            return e == null ? null : new EvaluationJson(e.accuracy(), e.loss(), e.confusion(), e.perClass());
        }
    }

    static RunDetailsJson of(RunReport report) {
        return new RunDetailsJson(RunJson.of(report.run()), report.epochs().stream().map(EpochJson::of).toList(),
                EvaluationJson.of(report.evaluation()));
    }
}
