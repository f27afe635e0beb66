-- The SQS queues' messages, in the local cloud's state.sqlite. group_id, dedup_id and
-- sequence belong to FIFO queues' messages (NULL otherwise); a state written before
-- them gets them by QueueStore::createTables.
CREATE TABLE IF NOT EXISTS messages (
    queue TEXT NOT NULL,
    id TEXT PRIMARY KEY,
    body BLOB NOT NULL,
    attributes TEXT NOT NULL,
    sent INTEGER NOT NULL,
    visible_at INTEGER NOT NULL,
    receive_count INTEGER NOT NULL DEFAULT 0,
    receipt TEXT,
    group_id TEXT,
    dedup_id TEXT,
    sequence INTEGER
);
CREATE INDEX IF NOT EXISTS messages_queue ON messages(queue, visible_at);
-- FIFO queues and topics: the deduplication ids sent in the last five minutes, whether
-- or not their message is still there, and the last sequence number given out.
CREATE TABLE IF NOT EXISTS fifo_sent (
    queue TEXT NOT NULL,
    dedup_id TEXT NOT NULL,
    message_id TEXT NOT NULL,
    sequence INTEGER NOT NULL,
    sent INTEGER NOT NULL,
    PRIMARY KEY (queue, dedup_id)
);
CREATE TABLE IF NOT EXISTS fifo_sequences (
    queue TEXT PRIMARY KEY,
    last INTEGER NOT NULL
);
