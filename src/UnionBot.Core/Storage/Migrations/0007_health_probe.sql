-- One row that /healthz rewrites: a read cannot tell a read-only file, an unwritable folder or a full disk from a
-- healthy database, a committed write can.
CREATE TABLE health_probe (
    id          INTEGER NOT NULL PRIMARY KEY CHECK (id = 1),
    written_at  TEXT NOT NULL   -- ISO-8601 UTC
);
