-- The commands teachers type in the groups: sign-ups, suggestions, polls, and the admins' audit trail.
-- Times are ISO-8601 text with offset. User text is stored exactly as typed (Dapper parameters only).

-- One sign-up per activity and year; opened by an admin (/发起报名) or implicitly by the first /报名
-- for a plan activity. quota NULL = no limit; deadline NULL = none.
CREATE TABLE signups (
    id          INTEGER PRIMARY KEY,
    year        INTEGER NOT NULL,
    activity    TEXT    NOT NULL,
    quota       INTEGER NULL,
    deadline    TEXT    NULL,      -- the first instant sign-ups are refused
    is_open     INTEGER NOT NULL DEFAULT 1,
    opened_by   TEXT    NULL,      -- NULL when opened implicitly from the plan
    opened_at   TEXT    NOT NULL,
    closed_at   TEXT    NULL
);
CREATE UNIQUE INDEX ux_signups_year_activity ON signups (year, activity);

-- Arrival order is the row id: the first `quota` rows are signed up, the rest wait in that order,
-- so a cancellation promotes the next row without rewriting anything.
CREATE TABLE signup_entries (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    signup_id   INTEGER NOT NULL REFERENCES signups (id),
    user_id     TEXT    NOT NULL,
    user_name   TEXT    NULL,      -- the platform's nick when it gave one
    channel_id  TEXT    NOT NULL,  -- where to mention them when they move up
    joined_at   TEXT    NOT NULL
);
CREATE UNIQUE INDEX ux_signup_entries_user ON signup_entries (signup_id, user_id);

-- Receipt JY-<year>-<seq>; user_id is NULL for an anonymous suggestion and is never written elsewhere.
CREATE TABLE suggestions (
    id          INTEGER PRIMARY KEY,
    receipt     TEXT    NOT NULL UNIQUE,
    year        INTEGER NOT NULL,
    seq         INTEGER NOT NULL,
    user_id     TEXT    NULL,
    channel_id  TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    reply       TEXT    NULL,
    replied_at  TEXT    NULL,
    UNIQUE (year, seq)
);

CREATE TABLE polls (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,   -- the poll number #N teachers type
    question    TEXT    NOT NULL,
    is_multi    INTEGER NOT NULL,
    is_anonymous INTEGER NOT NULL,
    creator_id  TEXT    NOT NULL,
    channel_id  TEXT    NOT NULL,
    created_at  TEXT    NOT NULL,
    closed_at   TEXT    NULL,
    closed_by   TEXT    NULL
);

CREATE TABLE poll_options (
    poll_id     INTEGER NOT NULL REFERENCES polls (id),
    number      INTEGER NOT NULL,
    text        TEXT    NOT NULL,
    PRIMARY KEY (poll_id, number)
);

-- Who has voted (one ballot per person). For an anonymous poll this is all that links a person to it.
CREATE TABLE poll_voters (
    poll_id     INTEGER NOT NULL REFERENCES polls (id),
    user_id     TEXT    NOT NULL,
    voted_at    TEXT    NOT NULL,
    PRIMARY KEY (poll_id, user_id)
);

-- Named polls only: who chose what (replaced when they vote again).
CREATE TABLE poll_choices (
    poll_id     INTEGER NOT NULL REFERENCES polls (id),
    user_id     TEXT    NOT NULL,
    number      INTEGER NOT NULL,
    PRIMARY KEY (poll_id, user_id, number)
);

-- Anonymous polls only: bare counters with no row per ballot, no voter and no time, so that nothing
-- (not even insertion order) can tie a choice to a person in poll_voters.
CREATE TABLE poll_tallies (
    poll_id     INTEGER NOT NULL REFERENCES polls (id),
    number      INTEGER NOT NULL,
    votes       INTEGER NOT NULL,
    PRIMARY KEY (poll_id, number)
);

-- Every admin action: who, what, when.
CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY,
    at          TEXT    NOT NULL,
    user_id     TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    detail      TEXT    NOT NULL
);
