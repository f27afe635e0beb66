// One multipart upload of SIZE_MB megabytes through @aws-sdk/lib-storage's Upload with its
// defaults (5 MB parts, 4 in flight), from a stream generated as it goes (the client holds
// a few parts, never the object), then a HEAD to check the size. Prints one line:
//   RESULT <seconds> <MB/s> <ETag>
// Usage: node bench_s3upload.mjs ENDPOINT SDK_DIR BUCKET KEY SIZE_MB
import { randomBytes } from "node:crypto";
import { createRequire } from "node:module";
import { Readable } from "node:stream";

const [endpoint, sdkDir, Bucket, Key, sizeArg] = process.argv.slice(2);
const require = createRequire(`${sdkDir}/package.json`);
const s3Sdk = require("@aws-sdk/client-s3");
const { Upload } = require("@aws-sdk/lib-storage");
const s3 = new s3Sdk.S3Client({
    endpoint, region: "us-east-1", forcePathStyle: true,
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
});
const MB = 1024 * 1024;
const size = Number(sizeArg) * MB;

// 1 MB chunks cut from 16 MB of random bytes, each stamped with its number so that no two
// parts are alike.
const pool = randomBytes(16 * MB);
let sent = 0;
const body = new Readable({
    read() {
        if (sent >= size) {
            this.push(null);
            return;
        }
        const n = sent / MB;
        const chunk = Buffer.from(pool.subarray((n % 16) * MB, (n % 16 + 1) * MB));
        chunk.writeUInt32BE(n, 0);
        sent += MB;
        this.push(chunk);
    },
});
const started = process.hrtime.bigint();
const done = await new Upload({ client: s3, params: { Bucket, Key, Body: body } }).done();
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const head = await s3.send(new s3Sdk.HeadObjectCommand({ Bucket, Key }));
if (head.ContentLength !== size)
    throw new Error(`the object has ${head.ContentLength} bytes, not ${size}`);
console.log(`RESULT ${seconds.toFixed(2)} ${(size / MB / seconds).toFixed(1)} ${done.ETag}`);
