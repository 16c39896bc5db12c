-- Plans uploaded in the chair's console (SPEC section 8, 计划): each upload is a draft shown with its reading and its
-- differences until the chair publishes it (a new plan_versions row) or discards it. The file's bytes are kept, so
-- that the plan page shows the text a published version was read from.
CREATE TABLE plan_uploads (
    id           INTEGER PRIMARY KEY,
    uploaded_at  TEXT    NOT NULL,            -- ISO-8601 with offset
    uploaded_by  TEXT    NOT NULL,
    file_name    TEXT    NOT NULL,
    sha256       TEXT    NOT NULL,
    content      BLOB    NOT NULL,
    state        TEXT    NOT NULL DEFAULT 'draft' CHECK (state IN ('draft', 'published', 'discarded'))
);

-- The upload whose text a version was read from (kept by corrections made on top of it); NULL: the plan file's.
ALTER TABLE plan_versions ADD COLUMN upload_id INTEGER NULL REFERENCES plan_uploads(id);
-- What the publication was, for the history: 修改活动, 采用计划文件, 发布上传的 <file>.
ALTER TABLE plan_versions ADD COLUMN note TEXT NOT NULL DEFAULT '';
