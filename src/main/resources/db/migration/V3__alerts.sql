-- E-mail alerts. Runs unchanged on SQLite and PostgreSQL (TEXT, INTEGER, BIGINT only; instants
-- as fixed-width ISO-8601 UTC text, as in V1).
--
-- About a person, only what alerts need is kept: the address, the saved feed query, the
-- frequency, the language, and the SHA-256 of the link tokens (never the tokens themselves).
-- Deleting a subscription deletes all of it (tokens, matches and mails cascade).

-- One saved feed query of one address. expires_at is set while unconfirmed; confirmed_at once
-- the link in the confirmation mail was followed. next_digest_at: when a daily or weekly
-- digest is next due.
CREATE TABLE alert_subscription (
    id             TEXT NOT NULL PRIMARY KEY,
    email          TEXT NOT NULL,
    place          TEXT NOT NULL,
    scope          TEXT NOT NULL CHECK (scope IN ('around', 'within')),
    themes         TEXT NOT NULL,
    kinds          TEXT NOT NULL,
    frequency      TEXT NOT NULL CHECK (frequency IN ('immediate', 'daily', 'weekly')),
    language       TEXT NOT NULL CHECK (language IN ('fr', 'en')),
    created_at     TEXT NOT NULL,
    expires_at     TEXT,
    confirmed_at   TEXT,
    next_digest_at TEXT,
    CHECK ((confirmed_at IS NULL) <> (expires_at IS NULL))
);
CREATE INDEX alert_subscription_email ON alert_subscription (email);
CREATE INDEX alert_subscription_expiry ON alert_subscription (expires_at);
CREATE INDEX alert_subscription_digest ON alert_subscription (frequency, next_digest_at);

-- A mail to send. The id is also the local part of the mail's Message-ID, so a mail sent again
-- after a crash carries the same Message-ID. A worker claims a row (claimed_until: its lease),
-- sends, then sets sent_at; a failure sets next_attempt_at (backoff) and last_error.
CREATE TABLE alert_outbox (
    id              TEXT    NOT NULL PRIMARY KEY,
    subscription_id TEXT    NOT NULL REFERENCES alert_subscription (id) ON DELETE CASCADE,
    kind            TEXT    NOT NULL CHECK (kind IN ('confirm', 'immediate', 'digest')),
    created_at      TEXT    NOT NULL,
    attempts        INTEGER NOT NULL,
    next_attempt_at TEXT    NOT NULL,
    claimed_until   TEXT,
    sent_at         TEXT,
    last_error      TEXT
);
CREATE INDEX alert_outbox_due ON alert_outbox (sent_at, next_attempt_at);
CREATE INDEX alert_outbox_subscription ON alert_outbox (subscription_id);

-- Link tokens, hashed, each for one purpose. outbox_id names the mail that carried the token,
-- so that a retried mail replaces the tokens of its failed attempt.
CREATE TABLE alert_token (
    token_hash      TEXT NOT NULL PRIMARY KEY,
    subscription_id TEXT NOT NULL REFERENCES alert_subscription (id) ON DELETE CASCADE,
    purpose         TEXT NOT NULL CHECK (purpose IN ('confirm', 'manage', 'unsubscribe')),
    outbox_id       TEXT,
    created_at      TEXT NOT NULL
);
CREATE INDEX alert_token_subscription ON alert_token (subscription_id);
CREATE INDEX alert_token_outbox ON alert_token (outbox_id);

-- The processes matched for a subscription: the primary key makes sure a process is sent at
-- most once per subscription. content is what the mail shows (title, level, deadline, link);
-- outbox_id is null until the item is put in a mail.
CREATE TABLE alert_item (
    subscription_id TEXT NOT NULL REFERENCES alert_subscription (id) ON DELETE CASCADE,
    item_key        TEXT NOT NULL,
    reason          TEXT NOT NULL CHECK (reason IN ('new', 'opened')),
    matched_at      TEXT NOT NULL,
    content         TEXT NOT NULL,
    outbox_id       TEXT,
    PRIMARY KEY (subscription_id, item_key)
);
CREATE INDEX alert_item_outbox ON alert_item (outbox_id);

-- The matcher's view of each live process: when it starts and whether it was already seen open,
-- so that a process is new once and newly opened once.
CREATE TABLE alert_process (
    item_key TEXT    NOT NULL PRIMARY KEY,
    start_at TEXT,
    opened   INTEGER NOT NULL CHECK (opened IN (0, 1))
);
CREATE INDEX alert_process_opening ON alert_process (opened, start_at);

-- The matcher's checkpoint in the store's change log. Every alert write transaction updates this
-- single row first, so it holds the database's write lock from its first statement.
CREATE TABLE alert_state (
    id              INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    last_change_seq BIGINT  NOT NULL,
    matched_at      TEXT
);
INSERT INTO alert_state (id, last_change_seq, matched_at) VALUES (1, 0, NULL);
