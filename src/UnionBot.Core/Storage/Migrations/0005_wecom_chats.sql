-- The group chat each WeCom long-connection channel last heard from: aibot_send_msg needs a chatid, and WeCom
-- reveals it only in callbacks, so announcements over the long connection go to the group the bot was last used in.
CREATE TABLE wecom_chats (
    channel_id  TEXT NOT NULL PRIMARY KEY,
    chat_id     TEXT NOT NULL,
    seen_at     TEXT NOT NULL   -- ISO-8601 UTC
) WITHOUT ROWID;
