-- The executions of the design's Standard state machines (Step Functions) and their
-- histories, in the local cloud's state.sqlite, so that they outlive a restart. Values
-- are JSON text; times are milliseconds since the epoch on the cloud's virtual clock.
CREATE TABLE IF NOT EXISTS executions (
    arn TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    machine TEXT NOT NULL,
    machine_arn TEXT NOT NULL,
    type TEXT NOT NULL,
    status TEXT NOT NULL,
    input TEXT NOT NULL,
    output TEXT,
    error TEXT,
    cause TEXT,
    started INTEGER NOT NULL,
    stopped INTEGER,
    transitions INTEGER NOT NULL DEFAULT 0,
    checkpoint TEXT
);
CREATE INDEX IF NOT EXISTS executions_machine ON executions(machine, started);
CREATE TABLE IF NOT EXISTS execution_events (
    execution TEXT NOT NULL,
    id INTEGER NOT NULL,
    previous INTEGER NOT NULL,
    timestamp INTEGER NOT NULL,
    type TEXT NOT NULL,
    details_key TEXT,
    details TEXT,
    PRIMARY KEY (execution, id)
);
