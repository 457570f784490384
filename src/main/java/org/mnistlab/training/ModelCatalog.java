package org.mnistlab.training;

import org.springframework.stereotype.Component;

/** The architectures as DL4J networks: builds them from a config and summarizes their layers. */
@Component
public class ModelCatalog {

    /** Layer table and parameter count of the network this config builds (cheap: no training). */
    public ModelSummary summarize(RunConfig config) {
        throw new UnsupportedOperationException("TODO engine");
    }
}
