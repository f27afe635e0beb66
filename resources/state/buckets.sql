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
-- Versioning (separate tables, so that an older state folder gains them on open). A
-- bucket's status set by PutBucketVersioning (Enabled or Suspended; none: the design's).
CREATE TABLE IF NOT EXISTS bucket_versioning (
    bucket TEXT PRIMARY KEY,
    status TEXT NOT NULL
);
-- The version id of the object in objects (none: the version "null").
CREATE TABLE IF NOT EXISTS current_versions (
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    version_id TEXT NOT NULL,
    PRIMARY KEY (bucket, key)
);
-- The other versions of a key, older ones and delete markers, newest the highest seq;
-- their bodies are files under buckets/<bucket>/versions/<hash of key and version id>.
CREATE TABLE IF NOT EXISTS object_versions (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    bucket TEXT NOT NULL,
    key TEXT NOT NULL,
    version_id TEXT NOT NULL,
    delete_marker INTEGER NOT NULL,
    size INTEGER NOT NULL,
    etag TEXT NOT NULL,
    content_type TEXT NOT NULL,
    modified INTEGER NOT NULL,
    headers TEXT NOT NULL,
    tags TEXT NOT NULL,
    UNIQUE (bucket, key, version_id)
);
