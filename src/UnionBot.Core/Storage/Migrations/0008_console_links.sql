-- Single-use login links to the chair's console (SPEC section 8). Only the SHA-256 of a token is stored, so a copy
-- of the database holds no usable link; used_at is set by the one UPDATE that lets a link in, so it works once.
CREATE TABLE console_links (
    token_hash  TEXT NOT NULL PRIMARY KEY,   -- lowercase hex SHA-256 of the token in the link
    user_id     TEXT NOT NULL,
    created_at  TEXT NOT NULL,               -- ISO-8601 UTC, fixed width (OutboxTime) so that text order is time order
    expires_at  TEXT NOT NULL,
    used_at     TEXT NULL
) WITHOUT ROWID;
