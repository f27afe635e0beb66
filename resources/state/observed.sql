-- The SDK calls functions made that no connection of the design grants (the local
-- cloud's IAM mode warn or enforce), in the local cloud's state.sqlite, for
-- `nimbus validate --observed`: one row per function, action and resource, counted;
-- last_seen in milliseconds since the epoch on the cloud's virtual clock.
CREATE TABLE IF NOT EXISTS observed_calls (
    function TEXT NOT NULL,
    action TEXT NOT NULL,
    resource TEXT NOT NULL,
    object_level INTEGER NOT NULL DEFAULT 0,
    granting TEXT NOT NULL DEFAULT '',
    count INTEGER NOT NULL DEFAULT 0,
    last_seen INTEGER NOT NULL,
    PRIMARY KEY (function, action, resource)
);
