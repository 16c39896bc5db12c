-- Platform message ids already handled (WeCom msgid, DingTalk msgId): a redelivery is answered once.
-- The primary key makes the claim atomic: of two deliveries at the same instant only one INSERT succeeds.
CREATE TABLE processed_messages (
    channel_id   TEXT NOT NULL,
    message_id   TEXT NOT NULL,
    received_at  TEXT NOT NULL,  -- ISO-8601 UTC; rows older than the retention are pruned
    PRIMARY KEY (channel_id, message_id)
) WITHOUT ROWID;

CREATE INDEX processed_messages_received_at ON processed_messages (received_at);
