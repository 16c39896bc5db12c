-- Every time the annual plan is read: which file, its content hash and what was found.
-- The delivery scheduler compares hashes to know when the plan changed.
CREATE TABLE plan_loads (
    id          INTEGER PRIMARY KEY,
    path        TEXT    NOT NULL,
    sha256      TEXT    NOT NULL,
    loaded_at   TEXT    NOT NULL,  -- ISO-8601 with offset
    year        INTEGER NOT NULL,  -- the year the schedule was computed for
    activities  INTEGER NOT NULL,
    warnings    TEXT    NOT NULL   -- JSON array of strings
);
