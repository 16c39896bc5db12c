-- The roster imported in the chair's console (SPEC section 8, 成员). Once an import is recorded in member_imports the
-- roster is read from here and the UnionBot:Members file is no longer used: the chair's import is the source.
CREATE TABLE members (
    user_id   TEXT    NOT NULL PRIMARY KEY,
    name      TEXT    NOT NULL,
    branch    TEXT    NOT NULL DEFAULT '',
    position  INTEGER NOT NULL              -- the row order of the imported sheet, which the roster page keeps
) WITHOUT ROWID;

CREATE TABLE member_imports (
    id           INTEGER PRIMARY KEY,
    imported_at  TEXT    NOT NULL,          -- ISO-8601 with offset
    imported_by  TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    members      INTEGER NOT NULL
);
