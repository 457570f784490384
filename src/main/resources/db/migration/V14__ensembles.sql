-- Ensembles of finished runs evaluated on the test set. Members are kept by value (id, name, model, accuracy)
-- so an ensemble still reads right after one of its runs is deleted.
CREATE TABLE ensemble (
    id           BIGINT AUTO_INCREMENT    NOT NULL PRIMARY KEY,
    dataset      VARCHAR(32)              NOT NULL,
    members_json VARCHAR(8000)            NOT NULL,
    owner        VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    seconds      DOUBLE PRECISION         NOT NULL
);

-- One row per way of combining the members: AVERAGE (mean probability) and MAJORITY (one vote per member).
CREATE TABLE ensemble_evaluation (
    ensemble_id        BIGINT           NOT NULL REFERENCES ensemble (id) ON DELETE CASCADE,
    mode               VARCHAR(16)      NOT NULL,
    accuracy           DOUBLE PRECISION NOT NULL,
    loss               DOUBLE PRECISION NOT NULL,
    confusion_json     VARCHAR(4000)    NOT NULL,
    misclassified_json CLOB             NOT NULL,
    PRIMARY KEY (ensemble_id, mode)
);
