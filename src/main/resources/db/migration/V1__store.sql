-- The Parvis system of record. This file runs unchanged on SQLite and PostgreSQL, so it uses
-- only types both understand (TEXT, INTEGER, BIGINT). Instants are stored as fixed-width
-- ISO-8601 UTC text with nine fraction digits: exact, readable and ordered as text.
-- Change sequence numbers are assigned by the application (see change_seq).

-- Every harvested item, live or tombstoned (deleted_at set). content is the item's JSON;
-- content_hash covers it without provenance.retrievedAt.
CREATE TABLE item (
    source_key    TEXT NOT NULL PRIMARY KEY,
    id            TEXT NOT NULL,
    source_id     TEXT NOT NULL,
    type          TEXT NOT NULL CHECK (type IN ('process', 'contribution')),
    process_id    TEXT,
    created_at    TEXT,
    content       TEXT NOT NULL,
    content_hash  TEXT NOT NULL,
    first_seen_at TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    deleted_at    TEXT,
    CHECK (type = 'process' OR process_id IS NOT NULL)
);

-- One live item per public URL; a tombstoned item frees its URL.
CREATE UNIQUE INDEX item_live_id ON item (id) WHERE deleted_at IS NULL;
CREATE INDEX item_source ON item (source_id, deleted_at);
CREATE INDEX item_process ON item (process_id);

-- The ordered log that derived indexes replay. An UPSERT's payload is the item row.
CREATE TABLE change_log (
    seq        BIGINT NOT NULL PRIMARY KEY,
    type       TEXT   NOT NULL CHECK (type IN ('UPSERT', 'DELETE')),
    source_key TEXT   NOT NULL,
    item_id    TEXT   NOT NULL,
    changed_at TEXT   NOT NULL
);

-- The last assigned change sequence number. Every write transaction updates this single row
-- first, which serialises writers (also across processes) so sequence numbers become visible
-- in commit order.
CREATE TABLE change_seq (
    id       INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_seq BIGINT  NOT NULL
);
INSERT INTO change_seq (id, last_seq) VALUES (1, 0);

CREATE TABLE harvest_run (
    source_id       TEXT    NOT NULL,
    started_at      TEXT    NOT NULL,
    ended_at        TEXT    NOT NULL,
    outcome         TEXT    NOT NULL CHECK (outcome IN ('SUCCESS', 'PARTIAL', 'FAILED')),
    requests        BIGINT  NOT NULL,
    bytes           BIGINT  NOT NULL,
    items_new       INTEGER NOT NULL,
    items_changed   INTEGER NOT NULL,
    items_unchanged INTEGER NOT NULL,
    items_removed   INTEGER NOT NULL,
    error           TEXT,
    PRIMARY KEY (source_id, started_at)
);
CREATE INDEX harvest_run_outcome ON harvest_run (source_id, outcome, started_at);

CREATE TABLE source_issue (
    source_id      TEXT    NOT NULL,
    run_started_at TEXT    NOT NULL,
    issue_index    INTEGER NOT NULL,
    issued_at      TEXT    NOT NULL,
    type           TEXT    NOT NULL,
    record_ref     TEXT,
    url            TEXT,
    message        TEXT    NOT NULL,
    PRIMARY KEY (source_id, run_started_at, issue_index),
    FOREIGN KEY (source_id, run_started_at)
        REFERENCES harvest_run (source_id, started_at) ON DELETE CASCADE
);
CREATE INDEX source_issue_recent ON source_issue (source_id, issued_at);
