// The AWS SDK for JavaScript v3's own libraries against the local cloud, the cases that
// tests/runtime/sdk/ does not cover: @aws-sdk/lib-storage's Upload of a stream of unknown
// length with tags, of a small body, and aborted half-way; @aws-sdk/s3-request-presigner's
// presigned PUT in and past its time, a presigned GET that overrides the response's
// headers; @aws-sdk/lib-dynamodb's batches, updates of sets, big numbers and a parallel
// scan. Each case asserts what AWS documents. tst_libraries runs one case at a time
// (--test-name-pattern) against tests/runtime/data/libraries/libraries.json, with NIMBUS_AWS_ENDPOINT
// and NIMBUS_SDK_DIR (the studio's runtime folder, where the SDK is installed).
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { Readable } from "node:stream";
import { test } from "node:test";

const require = createRequire(`${process.env.NIMBUS_SDK_DIR}/package.json`);
const s3Sdk = require("@aws-sdk/client-s3");
const { Upload } = require("@aws-sdk/lib-storage");
const { getSignedUrl } = require("@aws-sdk/s3-request-presigner");
const ddbSdk = require("@aws-sdk/client-dynamodb");
const docSdk = require("@aws-sdk/lib-dynamodb");

const config = {
    endpoint: process.env.NIMBUS_AWS_ENDPOINT, region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
};
const s3 = new s3Sdk.S3Client({ ...config, forcePathStyle: true });
const docs = docSdk.DynamoDBDocumentClient.from(new ddbSdk.DynamoDBClient(config));
const Bucket = "uploads";
const MB = 1024 * 1024;

const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");
const md5 = (bytes) => createHash("md5").update(bytes).digest("hex");

async function body(Key) {
    const got = await s3.send(new s3Sdk.GetObjectCommand({ Bucket, Key }));
    return Buffer.from(await got.Body.transformToByteArray());
}

async function rejects(promise, name) {
    try {
        await promise;
    } catch (err) {
        assert.equal(err.name, name, `expected ${name}, got ${err.name}: ${err.message}`);
        return err;
    }
    assert.fail(`expected ${name}, but the call succeeded`);
}

async function openUploads() {
    return (await s3.send(new s3Sdk.ListMultipartUploadsCommand({ Bucket }))).Uploads ?? [];
}

test("lib-storage: a stream of unknown length in 5 MB parts, with tags and metadata", async () => {
    const data = randomBytes(13 * MB + 12345);
    // A stream in 1 MB chunks: lib-storage cannot know the length and buffers part by part.
    const chunks = [];
    for (let at = 0; at < data.length; at += MB)
        chunks.push(data.subarray(at, at + MB));
    const upload = new Upload({
        client: s3, partSize: 5 * MB, queueSize: 2,
        tags: [{ Key: "stage", Value: "test" }, { Key: "team", Value: "data" }],
        params: { Bucket, Key: "js/stream.bin", Body: Readable.from(chunks), ContentType: "application/x-test",
                  Metadata: { origin: "stream" } },
    });
    const done = await upload.done();
    // S3's multipart ETag: the MD5 of the parts' MD5s, a dash, the number of parts.
    const parts = [data.subarray(0, 5 * MB), data.subarray(5 * MB, 10 * MB), data.subarray(10 * MB)];
    const expected = createHash("md5").update(Buffer.concat(parts.map((p) => createHash("md5").update(p).digest())))
        .digest("hex");
    assert.equal(done.ETag, `"${expected}-3"`);
    const head = await s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key: "js/stream.bin" }));
    assert.equal(head.ContentLength, data.length);
    assert.equal(head.ContentType, "application/x-test");
    assert.deepEqual(head.Metadata, { origin: "stream" });
    assert.equal(sha256(await body("js/stream.bin")), sha256(data));
    // lib-storage puts the tags with PutObjectTagging once the upload is complete.
    const tags = await s3.send(new s3Sdk.GetObjectTaggingCommand({ Bucket, Key: "js/stream.bin" }));
    assert.deepEqual(tags.TagSet.sort((a, b) => a.Key.localeCompare(b.Key)),
        [{ Key: "stage", Value: "test" }, { Key: "team", Value: "data" }]);
    // A ranged GET across a part boundary.
    const range = await s3.send(new s3Sdk.GetObjectCommand({ Bucket, Key: "js/stream.bin", Range: `bytes=${5 * MB - 10}-${5 * MB + 9}` }));
    assert.equal(range.ContentRange, `bytes ${5 * MB - 10}-${5 * MB + 9}/${data.length}`);
    assert.deepEqual(Buffer.from(await range.Body.transformToByteArray()), data.subarray(5 * MB - 10, 5 * MB + 10));
    assert.deepEqual(await openUploads(), []);
});

test("lib-storage: a body under the part size is one PutObject", async () => {
    const data = randomBytes(MB);
    const done = await new Upload({ client: s3, params: { Bucket, Key: "js/small.bin", Body: data } }).done();
    // A single PUT's ETag is the body's MD5, without a part count.
    assert.equal(done.ETag, `"${md5(data)}"`);
    assert.equal(sha256(await body("js/small.bin")), sha256(data));
});

test("lib-storage: an aborted upload leaves no object and no upload", async () => {
    let sent = 0;
    // A stream that never ends: the upload is aborted after its first part went.
    const endless = new Readable({
        read() {
            this.push(randomBytes(MB));
        },
    });
    const upload = new Upload({
        client: s3, partSize: 5 * MB, queueSize: 1, leavePartsOnError: false,
        params: { Bucket, Key: "js/aborted.bin", Body: endless },
    });
    upload.on("httpUploadProgress", (progress) => {
        sent = progress.loaded;
        if (sent >= 5 * MB)
            upload.abort();
    });
    await assert.rejects(upload.done(), (err) => err.name === "AbortError" || /abort/i.test(err.message));
    endless.destroy();
    assert.ok(sent >= 5 * MB);
    // lib-storage sends AbortMultipartUpload: S3 then lists no upload and has no object.
    const deadline = Date.now() + 5000;
    while ((await openUploads()).length > 0 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 50));
    assert.deepEqual(await openUploads(), []);
    await rejects(s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key: "js/aborted.bin" })), "NotFound");
});

test("presigner: a PUT in its time stores the body, past it is refused", async () => {
    const command = new s3Sdk.PutObjectCommand({ Bucket, Key: "js/presigned-put.txt", ContentType: "text/plain" });
    const url = await getSignedUrl(s3, command, { expiresIn: 300 });
    assert.match(url, /X-Amz-Expires=300/);
    const put = await fetch(url, { method: "PUT", body: "from a browser", headers: { "Content-Type": "text/plain" } });
    assert.equal(put.status, 200, await put.text());
    assert.equal((await body("js/presigned-put.txt")).toString(), "from a browser");
    const head = await s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key: "js/presigned-put.txt" }));
    assert.equal(head.ContentType, "text/plain");
    // Signed an hour ago for 60 s: S3 answers 403 AccessDenied "Request has expired".
    const stale = await getSignedUrl(s3, new s3Sdk.PutObjectCommand({ Bucket, Key: "js/late.txt" }),
        { expiresIn: 60, signingDate: new Date(Date.now() - 3600 * 1000) });
    const refused = await fetch(stale, { method: "PUT", body: "too late" });
    assert.equal(refused.status, 403);
    assert.match(await refused.text(), /<Code>AccessDenied<\/Code><Message>Request has expired<\/Message>/);
    await rejects(s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key: "js/late.txt" })), "NotFound");
});

test("presigner: a GET that overrides the response's headers, and a presigned HEAD", async () => {
    await s3.send(new s3Sdk.PutObjectCommand({ Bucket, Key: "js/report.csv", Body: "a,b\n1,2\n", ContentType: "text/csv" }));
    const url = await getSignedUrl(s3, new s3Sdk.GetObjectCommand({
        Bucket, Key: "js/report.csv", ResponseContentDisposition: 'attachment; filename="r.csv"',
        ResponseContentType: "application/octet-stream", ResponseCacheControl: "no-store",
    }), { expiresIn: 60 });
    const got = await fetch(url);
    assert.equal(got.status, 200);
    // S3 answers the response-* parameters of a signed request as the headers they name.
    assert.equal(got.headers.get("content-disposition"), 'attachment; filename="r.csv"');
    assert.equal(got.headers.get("content-type"), "application/octet-stream");
    assert.equal(got.headers.get("cache-control"), "no-store");
    assert.equal(await got.text(), "a,b\n1,2\n");
    const headUrl = await getSignedUrl(s3, new s3Sdk.HeadObjectCommand({ Bucket, Key: "js/report.csv" }), { expiresIn: 60 });
    const head = await fetch(headUrl, { method: "HEAD" });
    assert.equal(head.status, 200);
    assert.equal(head.headers.get("content-length"), "8");
});

test("lib-dynamodb: batches of 25 written and read back, sets updated", async () => {
    const items = Array.from({ length: 40 }, (_, i) => ({ id: `lib-${i}`, balance: i, tags: new Set([`t${i % 3}`]) }));
    for (let at = 0; at < items.length; at += 25) {
        const written = await docs.send(new docSdk.BatchWriteCommand({
            RequestItems: { accounts: items.slice(at, at + 25).map((Item) => ({ PutRequest: { Item } })) },
        }));
        assert.deepEqual(written.UnprocessedItems, {});
    }
    const got = await docs.send(new docSdk.BatchGetCommand({
        RequestItems: { accounts: { Keys: items.map(({ id }) => ({ id })), ProjectionExpression: "id, balance" } },
    }));
    assert.equal(got.Responses.accounts.length, 40);
    assert.deepEqual(got.UnprocessedKeys, {});
    assert.deepEqual(Object.keys(got.Responses.accounts[0]).sort(), ["balance", "id"]);
    // ADD to a string set, the new values returned; one expression cannot touch a path twice.
    const added = await docs.send(new docSdk.UpdateCommand({
        TableName: "accounts", Key: { id: "lib-0" }, UpdateExpression: "ADD tags :more SET balance = balance + :one",
        ExpressionAttributeValues: { ":more": new Set(["x", "y"]), ":one": 1 }, ReturnValues: "UPDATED_NEW",
    }));
    assert.deepEqual(added.Attributes, { tags: new Set(["t0", "x", "y"]), balance: 1 });
    const err = await rejects(docs.send(new docSdk.UpdateCommand({
        TableName: "accounts", Key: { id: "lib-0" }, UpdateExpression: "ADD tags :more DELETE tags :less",
        ExpressionAttributeValues: { ":more": new Set(["z"]), ":less": new Set(["t0"]) },
    })), "ValidationException");
    assert.match(err.message, /Two document paths overlap/);
    const updated = await docs.send(new docSdk.UpdateCommand({
        TableName: "accounts", Key: { id: "lib-0" }, UpdateExpression: "DELETE tags :less",
        ExpressionAttributeValues: { ":less": new Set(["t0"]) }, ReturnValues: "ALL_NEW",
    }));
    assert.deepEqual(updated.Attributes, { id: "lib-0", tags: new Set(["x", "y"]), balance: 1 });
    // Deleting a set's last element removes the attribute (DynamoDB has no empty set).
    await docs.send(new docSdk.UpdateCommand({
        TableName: "accounts", Key: { id: "lib-0" }, UpdateExpression: "DELETE tags :all",
        ExpressionAttributeValues: { ":all": new Set(["x", "y"]) },
    }));
    const after = await docs.send(new docSdk.GetCommand({ TableName: "accounts", Key: { id: "lib-0" } }));
    assert.equal(after.Item.tags, undefined);
});

test("lib-dynamodb: numbers beyond JavaScript's precision as NumberValue", async () => {
    const big = "12345678901234567890.123456789";
    const wrapping = docSdk.DynamoDBDocumentClient.from(new ddbSdk.DynamoDBClient(config), {
        unmarshallOptions: { wrapNumbers: true },
    });
    await wrapping.send(new docSdk.PutCommand({
        TableName: "accounts", Item: { id: "big", amount: docSdk.NumberValue.from(big), small: 1.5 },
    }));
    const { Item } = await wrapping.send(new docSdk.GetCommand({ TableName: "accounts", Key: { id: "big" } }));
    assert.equal(Item.amount.toString(), big);
    assert.equal(Item.small.toString(), "1.5");
    // Without wrapNumbers, lib-dynamodb refuses to lose precision rather than round.
    await assert.rejects(docs.send(new docSdk.GetCommand({ TableName: "accounts", Key: { id: "big" } })),
        /can't be converted/);
});

test("lib-dynamodb: a parallel scan's segments split the table", async () => {
    for (let at = 0; at < 60; at += 20)
        await docs.send(new docSdk.BatchWriteCommand({
            RequestItems: { accounts: Array.from({ length: 20 }, (_, i) => ({ PutRequest: { Item: { id: `seg-${at + i}` } } })) },
        }));
    // Each segment reads a part of the table; together they read every item once.
    const seen = [];
    for (let Segment = 0; Segment < 3; ++Segment)
        for await (const page of docSdk.paginateScan({ client: docs, pageSize: 7 }, { TableName: "accounts", Segment, TotalSegments: 3 }))
            seen.push(...page.Items.map((item) => item.id));
    assert.equal(seen.length, 60, `${seen.length} items read by three segments of a 60-item table`);
    assert.equal(new Set(seen).size, 60);
    await rejects(docs.send(new docSdk.ScanCommand({ TableName: "accounts", Segment: 3, TotalSegments: 3 })),
        "ValidationException");
});
