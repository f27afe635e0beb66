-- The DynamoDB tables' items, and the stream sequence number in meta.
CREATE TABLE IF NOT EXISTS items (
    tbl TEXT NOT NULL,
    pk TEXT NOT NULL,
    sk TEXT NOT NULL,
    sort_number REAL,
    item TEXT NOT NULL,
    PRIMARY KEY (tbl, pk, sk)
);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
