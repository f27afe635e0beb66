// The AWS SDK for JavaScript v3 against the local cloud's S3 versioning:
// PutBucketVersioning, VersionId on writes, GetObject by version, delete markers (404 and
// 405 as S3 answers them), ListObjectVersions walked page by page with its markers (the
// SDK has no paginator for it), a
// version restored with CopyObject, and the null version of a suspended bucket.
// tst_awsendpoint runs it with NIMBUS_AWS_ENDPOINT set to a running endpoint serving bucket files.
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(`${process.env.NIMBUS_SDK_DIR}/package.json`);
const s3Sdk = require("@aws-sdk/client-s3");

const s3 = new s3Sdk.S3Client({
    endpoint: process.env.NIMBUS_AWS_ENDPOINT,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const Bucket = "files";

async function status(promise) {
    try {
        await promise;
    } catch (err) {
        return [err.name, err.$metadata.httpStatusCode];
    }
    assert.fail("the call succeeded");
}

const text = async (answer) => Buffer.from(await answer.Body.transformToByteArray()).toString();

test("versions, delete markers and a restore", async () => {
    await s3.send(new s3Sdk.PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: "Enabled" } }));
    assert.equal((await s3.send(new s3Sdk.GetBucketVersioningCommand({ Bucket }))).Status, "Enabled");
    const Key = "js/v.txt";
    const v1 = (await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key, Body: "one" }))).VersionId;
    const v2 = (await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key, Body: "two" }))).VersionId;
    assert.notEqual(v1, v2);
    assert.equal(await text(await s3.send(new s3Sdk.GetObjectCommand({ Bucket, Key, VersionId: v1 }))), "one");
    const deleted = await s3.send(new s3Sdk.DeleteObjectCommand({ Bucket, Key }));
    assert.equal(deleted.DeleteMarker, true);
    assert.deepEqual(await status(s3.send(new s3Sdk.GetObjectCommand({ Bucket, Key }))), ["NoSuchKey", 404]);
    const named = await status(s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key, VersionId: deleted.VersionId })));
    assert.equal(named[1], 405);
    const listed = await s3.send(new s3Sdk.ListObjectVersionsCommand({ Bucket, Prefix: Key }));
    assert.deepEqual(listed.Versions.map((v) => v.VersionId), [v2, v1]);
    assert.deepEqual(listed.DeleteMarkers.map((m) => [m.VersionId, m.IsLatest]), [[deleted.VersionId, true]]);
    const copied = await s3.send(new s3Sdk.CopyObjectCommand({ Bucket, Key, CopySource: `${Bucket}/${Key}?versionId=${v1}` }));
    assert.equal(copied.CopySourceVersionId, v1);
    assert.equal(await text(await s3.send(new s3Sdk.GetObjectCommand({ Bucket, Key }))), "one");
});

test("ListObjectVersions pages walk every version", async () => {
    await s3.send(new s3Sdk.PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: "Enabled" } }));
    const expected = [];
    for (const key of ["js/p/a", "js/p/b"]) {
        const ids = [];
        for (let n = 0; n < 3; n++)
            ids.push((await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key: key, Body: `${n}` }))).VersionId);
        expected.push(...ids.reverse().map((id) => [key, id]));
    }
    const seen = [];
    let pages = 0;
    let markers = {};
    for (;;) {
        const page = await s3.send(new s3Sdk.ListObjectVersionsCommand({ Bucket, Prefix: "js/p/", MaxKeys: 4, ...markers }));
        pages++;
        seen.push(...(page.Versions ?? []).map((v) => [v.Key, v.VersionId]));
        if (!page.IsTruncated)
            break;
        markers = { KeyMarker: page.NextKeyMarker, VersionIdMarker: page.NextVersionIdMarker };
    }
    assert.deepEqual(seen, expected);
    assert.equal(pages, 2);
});

test("a suspended bucket writes the null version", async () => {
    await s3.send(new s3Sdk.PutBucketVersioningCommand({ Bucket, VersioningConfiguration: { Status: "Suspended" } }));
    const Key = "js/s.txt";
    assert.equal((await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key, Body: "a" }))).VersionId, "null");
    assert.equal((await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key, Body: "b" }))).VersionId, "null");
    const listed = await s3.send(new s3Sdk.ListObjectVersionsCommand({ Bucket, Prefix: Key }));
    assert.deepEqual(listed.Versions.map((v) => v.VersionId), ["null"]);
});
