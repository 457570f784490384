-- Each layer's health per epoch (insight.LayerDiagnosticsStore): NULL where a value does not apply
-- (no parameters, or the output layer's activations).
CREATE TABLE layer_diagnostics (
    run_id          BIGINT           NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    epoch           INT              NOT NULL,
    layer_index     INT              NOT NULL,
    layer_name      VARCHAR(100)     NOT NULL,
    samples         INT              NOT NULL,
    mean_abs_param  DOUBLE PRECISION,
    mean_abs_update DOUBLE PRECISION,
    activation_std  DOUBLE PRECISION,
    gradient_std    DOUBLE PRECISION,
    PRIMARY KEY (run_id, epoch, layer_index)
);
