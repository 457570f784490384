-- Presets users saved (e.g. a sweep's best configuration), offered in the configurator beside the built-in ones.
-- name_key is the name in lower case: names are unique regardless of case. owner: who saved it (null: system).
CREATE TABLE run_preset (
    id          BIGINT AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(100)             NOT NULL,
    name_key    VARCHAR(100)             NOT NULL UNIQUE,
    config_json CLOB                     NOT NULL,
    owner       VARCHAR(64),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
