-- The S3 buckets' objects; their bodies are files under the state folder's buckets/.
CREATE TABLE IF NOT EXISTS objects (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    content_type TEXT NOT NULL,
    modified INTEGER NOT NULL,
    PRIMARY KEY (bucket, key)
);
-- What an object carries beside its body: its stored headers (x-amz-meta-*, Cache-Control
-- ...) and its tags, each a JSON object of name -> value. A separate table, so that a
-- state folder of an older version gains it on open.
CREATE TABLE IF NOT EXISTS object_details (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    headers TEXT NOT NULL,
    tags TEXT NOT NULL,
    PRIMARY KEY (bucket, key)
);
-- Multipart uploads in progress; their parts are files under the state folder's
-- uploads/<upload id>/<part number>.
CREATE TABLE IF NOT EXISTS uploads (
    upload_id TEXT PRIMARY KEY,
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    initiated INTEGER NOT NULL,
    content_type TEXT NOT NULL,
    headers TEXT NOT NULL,
    tags TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS upload_parts (
    upload_id TEXT NOT NULL,
    part_number INTEGER NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    modified INTEGER NOT NULL,
    PRIMARY KEY (upload_id, part_number)
);
