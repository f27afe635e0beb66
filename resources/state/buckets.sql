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
