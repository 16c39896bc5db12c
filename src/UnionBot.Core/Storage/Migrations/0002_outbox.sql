-- The durable outbox: one row per (announcement, channel), or per numbered part of a split message.
-- It is the single source of truth for what must be posted and what was; Quartz only wakes the dispatcher.
CREATE TABLE outbox (
    id            INTEGER PRIMARY KEY,
    key           TEXT    NOT NULL UNIQUE,  -- monthly:2026-03:wecom-all, or …#2/3 for the parts of a split message
    source_key    TEXT    NOT NULL,         -- the announcement's key without the channel: monthly:2026-03
    channel_id    TEXT    NOT NULL,
    kind          TEXT    NOT NULL,         -- monthly | festival | reminder | announce
    plan_year     INTEGER,                  -- the schedule year that produced the row; null for announce rows
    title         TEXT    NOT NULL,
    text          TEXT    NOT NULL,
    mentions      TEXT    NOT NULL,         -- JSON array of user ids
    part          INTEGER NOT NULL,
    parts         INTEGER NOT NULL,
    due_at        TEXT    NOT NULL,         -- ISO-8601 UTC, fixed width so that text order is time order
    state         TEXT    NOT NULL CHECK (state IN ('pending', 'sending', 'sent', 'failed', 'skipped')),
    attempts      INTEGER NOT NULL DEFAULT 0,
    last_errcode  INTEGER,
    last_error    TEXT,
    sent_at       TEXT,
    created_at    TEXT    NOT NULL,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX outbox_due ON outbox (channel_id, state, due_at);
CREATE INDEX outbox_source ON outbox (source_key);
