-- The SQS queues' messages, in the local cloud's state.sqlite.
CREATE TABLE IF NOT EXISTS messages (
    queue TEXT NOT NULL,
    id TEXT PRIMARY KEY,
    body BLOB NOT NULL,
    attributes TEXT NOT NULL,
    sent INTEGER NOT NULL,
    visible_at INTEGER NOT NULL,
    receive_count INTEGER NOT NULL DEFAULT 0,
    receipt TEXT
);
CREATE INDEX IF NOT EXISTS messages_queue ON messages(queue, visible_at);
