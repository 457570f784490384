-- Hyperparameter sweeps: the spec (base configuration, swept settings, strategy, ASHA) as JSON, and one row per
-- trial with the configuration it trains and the run training it (NULL until queued; a re-queued trial points
-- at its new run). stopped_reason: why ASHA stopped the trial, NULL otherwise.
CREATE TABLE sweeps (
    id         BIGINT AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(200)             NOT NULL,
    spec_json  CLOB                     NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled  BOOLEAN                  NOT NULL DEFAULT FALSE
);

CREATE TABLE sweep_trials (
    sweep_id       BIGINT        NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
    trial_index    INT           NOT NULL,
    config_json    CLOB          NOT NULL,
    run_id         BIGINT        REFERENCES runs (id) ON DELETE SET NULL,
    stopped_reason VARCHAR(1000),
    PRIMARY KEY (sweep_id, trial_index)
);
CREATE INDEX sweep_trials_run ON sweep_trials (run_id);

-- Every run a sweep queued, kept when the trial is queued again, so /runs can list a sweep's runs.
ALTER TABLE runs ADD COLUMN sweep_id BIGINT REFERENCES sweeps (id) ON DELETE SET NULL;
CREATE INDEX runs_sweep ON runs (sweep_id);
