package org.mnistlab.ensembles;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.mnistlab.dataset.DatasetKind;

/**
 * A stored ensemble and its two test accuracies.
 *
 * @param owner   who evaluated it; null for the command line
 * @param seconds how long the evaluation took
 */
public record Ensemble(long id, DatasetKind dataset, List<EnsembleMember> members, Instant createdAt, String owner,
                       double averageAccuracy, double voteAccuracy, double seconds) {

    public Ensemble {
        members = List.copyOf(members);
    }

    /** The member with the highest test accuracy on its own: what the ensemble has to beat. */
    public EnsembleMember bestMember() {
        return members.stream().max(Comparator.comparingDouble(EnsembleMember::testAccuracy)).orElseThrow();
    }

    /** "#3, #4, #5" */
    public String memberIds() {
        return String.join(", ", members.stream().map(m -> "#" + m.runId()).toList());
    }
}
