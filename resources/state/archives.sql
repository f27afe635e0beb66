-- The event buses' archives, in the local cloud's state.sqlite: each event an archive
-- kept, with the time of the cloud's (virtual) clock it arrived at. seq is the order of
-- arrival, which a replay keeps.
CREATE TABLE IF NOT EXISTS archived_events (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    archive TEXT NOT NULL,
    event_id TEXT NOT NULL,
    arrived INTEGER NOT NULL,
    event TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS archived_events_arrived ON archived_events(archive, arrived);
