-- The chair's corrections of the plan as read (SPEC section 8), one row per publication: the newest row is the source
-- of the schedule from then on. based_on is the hash of the plan file they were made from, so that a file that
-- changes later is noticed (a draft to review) instead of silently replacing them.
CREATE TABLE plan_versions (
    id            INTEGER PRIMARY KEY,
    published_at  TEXT    NOT NULL,   -- ISO-8601 with offset
    published_by  TEXT    NOT NULL,
    based_on      TEXT    NOT NULL,   -- sha256 of the plan file's bytes
    plan_json     TEXT    NOT NULL    -- the AnnualPlan as published
);
