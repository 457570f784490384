-- Users with BCrypt password hashes and one role each (viewer < trainer < admin); personal API tokens are
-- stored as SHA-256 hashes only. Each run records who queued it (null: command line or system).
CREATE TABLE app_user (
    username      VARCHAR(64)              NOT NULL PRIMARY KEY,
    password_hash VARCHAR(100)             NOT NULL,
    role          VARCHAR(16)              NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE api_token (
    id         BIGINT AUTO_INCREMENT    NOT NULL PRIMARY KEY,
    username   VARCHAR(64)              NOT NULL REFERENCES app_user (username) ON DELETE CASCADE,
    token_hash VARCHAR(64)              NOT NULL UNIQUE,
    label      VARCHAR(100)             NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

ALTER TABLE runs ADD COLUMN owner VARCHAR(64);
CREATE INDEX runs_owner ON runs (owner);
