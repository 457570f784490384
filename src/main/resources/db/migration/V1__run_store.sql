-- The run store: every training run, its finished epochs, and the test-set evaluation of finished runs.
-- Maps (software versions, dataset MD5s) and the full run configuration are JSON text.

CREATE TABLE runs (
    id                       BIGINT AUTO_INCREMENT PRIMARY KEY,
    name                     VARCHAR(200)     NOT NULL,
    dataset                  VARCHAR(32)      NOT NULL,
    architecture             VARCHAR(32)      NOT NULL,
    config_json              CLOB             NOT NULL,
    seed                     BIGINT           NOT NULL,
    status                   VARCHAR(16)      NOT NULL,
    created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at               TIMESTAMP WITH TIME ZONE,
    finished_at              TIMESTAMP WITH TIME ZONE,
    parameter_count          BIGINT           NOT NULL,
    epochs_planned           INT              NOT NULL,
    epochs_done              INT              NOT NULL DEFAULT 0,
    best_epoch               INT,
    best_validation_accuracy DOUBLE PRECISION,
    test_accuracy            DOUBLE PRECISION,
    test_loss                DOUBLE PRECISION,
    error_message            VARCHAR(2000),
    software_versions        VARCHAR(2000)    NOT NULL DEFAULT '{}',
    dataset_checksums        VARCHAR(2000)    NOT NULL DEFAULT '{}',
    model_file               VARCHAR(1000)
);
CREATE INDEX runs_status ON runs (status);
CREATE INDEX runs_created ON runs (created_at);

-- Validation values are NULL when the run has no validation split.
CREATE TABLE epoch_metrics (
    run_id              BIGINT           NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    epoch               INT              NOT NULL,
    train_loss          DOUBLE PRECISION NOT NULL,
    train_accuracy      DOUBLE PRECISION NOT NULL,
    validation_loss     DOUBLE PRECISION,
    validation_accuracy DOUBLE PRECISION,
    learning_rate       DOUBLE PRECISION NOT NULL,
    duration_ms         BIGINT           NOT NULL,
    images_per_second   DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, epoch)
);

-- confusion_json: 10 rows [actual] of 10 counts [predicted].
CREATE TABLE evaluation (
    run_id         BIGINT           NOT NULL PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    accuracy       DOUBLE PRECISION NOT NULL,
    loss           DOUBLE PRECISION NOT NULL,
    confusion_json VARCHAR(4000)    NOT NULL
);

CREATE TABLE class_metrics (
    run_id    BIGINT           NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    label     INT              NOT NULL,
    precision DOUBLE PRECISION NOT NULL,
    recall    DOUBLE PRECISION NOT NULL,
    f1        DOUBLE PRECISION NOT NULL,
    support   INT              NOT NULL,
    PRIMARY KEY (run_id, label)
);

-- rank: 0 = the most confidently wrong test image.
CREATE TABLE misclassified (
    run_id          BIGINT           NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
    rank            INT              NOT NULL,
    test_index      INT              NOT NULL,
    true_label      INT              NOT NULL,
    predicted_label INT              NOT NULL,
    confidence      DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (run_id, rank)
);
