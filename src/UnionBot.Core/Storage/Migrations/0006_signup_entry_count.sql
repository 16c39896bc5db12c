-- Every /报名 read how many entries its sign-up had with COUNT(*), which walks the whole sign-up's index: O(entries),
-- and inside the write transaction, so each teacher's callback waited for every earlier teacher's count. The count is
-- now kept on the sign-up row by triggers, so it stays right whatever statement adds or removes an entry.
ALTER TABLE signups ADD COLUMN entry_count INTEGER NOT NULL DEFAULT 0;

UPDATE signups SET entry_count = (SELECT COUNT(*) FROM signup_entries e WHERE e.signup_id = signups.id);

CREATE TRIGGER tr_signup_entries_count_insert AFTER INSERT ON signup_entries
BEGIN
    UPDATE signups SET entry_count = entry_count + 1 WHERE id = NEW.signup_id;
END;

CREATE TRIGGER tr_signup_entries_count_delete AFTER DELETE ON signup_entries
BEGIN
    UPDATE signups SET entry_count = entry_count - 1 WHERE id = OLD.signup_id;
END;
