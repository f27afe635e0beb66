// The AWS SDK for JavaScript v3 against the local cloud's S3 as applications use it:
// @aws-sdk/lib-storage's Upload of 12 MB (multipart, 5 MB parts, the SDK's default CRC32
// checksums), PutObjectTagging that leaves the body alone, the lock pattern with
// IfNoneMatch, metadata, subresources answered or refused by name, and presigned GETs
// in and past their time (@aws-sdk/s3-request-presigner). tst_awsendpoint runs it with
// NIMBUS_AWS_ENDPOINT set to a running endpoint serving bucket files.
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { test } from "node:test";

const require = createRequire(`${process.env.NIMBUS_SDK_DIR}/package.json`);
const s3Sdk = require("@aws-sdk/client-s3");
const { Upload } = require("@aws-sdk/lib-storage");
const { getSignedUrl } = require("@aws-sdk/s3-request-presigner");

const endpoint = process.env.NIMBUS_AWS_ENDPOINT;
const s3 = new s3Sdk.S3Client({
    endpoint,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
});
const Bucket = "files";

async function rejects(promise, name) {
    try {
        await promise;
    } catch (err) {
        assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
        return err;
    }
    assert.fail(`expected ${name}, but the call succeeded`);
}

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

async function body(Key) {
    const got = await s3.send(new s3Sdk.GetObjectCommand({ Bucket, Key }));
    return Buffer.from(await got.Body.transformToByteArray());
}

test("lib-storage Upload of 12 MB in parts, read back byte for byte", async () => {
    const data = randomBytes(12 * 1024 * 1024);
    const upload = new Upload({ client: s3, params: { Bucket, Key: "js/big.bin", Body: data } });
    const parts = [];
    upload.on("httpUploadProgress", (progress) => parts.push(progress.part));
    const done = await upload.done();
    assert.match(done.ETag, /-3"$/);
    assert.ok(new Set(parts).size >= 3, `parts: ${parts}`);
    const head = await s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key: "js/big.bin" }));
    assert.equal(head.ContentLength, data.length);
    assert.equal(sha256(await body("js/big.bin")), sha256(data));
    const uploads = await s3.send(new s3Sdk.ListMultipartUploadsCommand({ Bucket }));
    assert.deepEqual(uploads.Uploads ?? [], []);
});

test("PutObjectTagging leaves the body intact", async () => {
    await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key: "js/tagged.txt", Body: "keep me", Tagging: "a=1" }));
    const head = await s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key: "js/tagged.txt" }));
    assert.equal(head.TagCount, 1);
    await s3.send(
        new s3Sdk.PutObjectTaggingCommand({
            Bucket,
            Key: "js/tagged.txt",
            Tagging: { TagSet: [{ Key: "stage", Value: "dev" }] },
        }),
    );
    assert.equal((await body("js/tagged.txt")).toString(), "keep me");
    const tags = await s3.send(new s3Sdk.GetObjectTaggingCommand({ Bucket, Key: "js/tagged.txt" }));
    assert.deepEqual(tags.TagSet, [{ Key: "stage", Value: "dev" }]);
    await s3.send(new s3Sdk.DeleteObjectTaggingCommand({ Bucket, Key: "js/tagged.txt" }));
    assert.equal((await body("js/tagged.txt")).toString(), "keep me");
});

test("the lock pattern: PutObject with IfNoneMatch *", async () => {
    await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key: "js/lock", Body: "first", IfNoneMatch: "*" }));
    const err = await rejects(
        s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key: "js/lock", Body: "second", IfNoneMatch: "*" })),
        "PreconditionFailed",
    );
    assert.equal(err.$metadata.httpStatusCode, 412);
    assert.equal((await body("js/lock")).toString(), "first");
});

test("metadata, conditional GET and checksums", async () => {
    const put = await s3.send(
        new s3Sdk.PutObjectCommand({
            Bucket,
            Key: "js/meta.txt",
            Body: "meta",
            Metadata: { owner: "ada" },
            CacheControl: "no-cache",
            ContentLanguage: "de",
            ChecksumAlgorithm: "CRC32",
        }),
    );
    assert.ok(put.ChecksumCRC32, "the CRC32 is echoed");
    const head = await s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key: "js/meta.txt" }));
    assert.deepEqual(head.Metadata, { owner: "ada" });
    assert.equal(head.CacheControl, "no-cache");
    assert.equal(head.ContentLanguage, "de");
    await rejects(s3.send(new s3Sdk.GetObjectCommand({ Bucket, Key: "js/meta.txt", IfMatch: '"nope"' })),
        "PreconditionFailed");
    await rejects(s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key: "js/bad.txt", Body: "x", ChecksumCRC32: "AAAAAA==" })),
        "BadDigest");
});

test("bucket subresources answered or refused by name", async () => {
    const location = await s3.send(new s3Sdk.GetBucketLocationCommand({ Bucket }));
    assert.equal(location.LocationConstraint, undefined);
    const versioning = await s3.send(new s3Sdk.GetBucketVersioningCommand({ Bucket }));
    assert.equal(versioning.Status, undefined);
    await rejects(s3.send(new s3Sdk.GetBucketPolicyCommand({ Bucket })), "NoSuchBucketPolicy");
    const acl = await s3.send(new s3Sdk.GetBucketAclCommand({ Bucket }));
    assert.equal(acl.Grants[0].Permission, "FULL_CONTROL");
    const err = await rejects(s3.send(new s3Sdk.GetBucketCorsCommand({ Bucket })), "NotImplemented");
    assert.equal(err.$metadata.httpStatusCode, 501);
    assert.match(err.message, /GetBucketCors/);
});

test("presigned GET in and past its time", async () => {
    await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key: "js/shared.txt", Body: "shared" }));
    const command = new s3Sdk.GetObjectCommand({ Bucket, Key: "js/shared.txt" });
    const fresh = await getSignedUrl(s3, command, { expiresIn: 300 });
    const ok = await fetch(fresh);
    assert.equal(ok.status, 200);
    assert.equal(await ok.text(), "shared");
    const stale = await getSignedUrl(s3, command, { expiresIn: 60, signingDate: new Date(Date.now() - 3600 * 1000) });
    const refused = await fetch(stale);
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
});
