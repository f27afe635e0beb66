"""boto3's S3 transfer manager (s3transfer, Debian's python3-boto3) against the local cloud,
the cases tests/runtime/sdk/s3_fidelity.py does not cover: upload_fileobj from a stream
that cannot seek, in 5 MB parts with ExtraArgs, and download_fileobj of it; a managed
multipart copy (UploadPartCopy); a failed upload that the manager aborts; an upload under
the threshold as one PUT. Each case asserts what S3 documents. tst_libraries runs one case
at a time (python3 s3_transfer.py S3Transfer.test_...) against tests/runtime/data/libraries/libraries.json
(bucket uploads), with NIMBUS_AWS_ENDPOINT."""
import hashlib
import io
import os
import tempfile
import unittest
import warnings

import boto3
from boto3.s3.transfer import TransferConfig

ENDPOINT = os.environ["NIMBUS_AWS_ENDPOINT"]
SETTINGS = {"endpoint_url": ENDPOINT, "region_name": "us-east-1",
            "aws_access_key_id": "local", "aws_secret_access_key": "local"}
BUCKET = "uploads"
MB = 1024 * 1024


def multipart_etag(data, part_size):
    """S3's ETag of a multipart object: the MD5 of the parts' MD5s, a dash, the part count."""
    parts = [data[at:at + part_size] for at in range(0, len(data), part_size)]
    digest = hashlib.md5(b"".join(hashlib.md5(p).digest() for p in parts)).hexdigest()
    return f'"{digest}-{len(parts)}"'


class Unseekable(io.RawIOBase):
    """A pipe-like raw reader: short reads, no seek or tell; read through io.BufferedReader
    as open() gives a pipe."""

    def __init__(self, data, fail_after=None):
        self.data, self.at, self.fail_after = data, 0, fail_after

    def readable(self):
        return True

    def readinto(self, buffer):
        if self.fail_after is not None and self.at >= self.fail_after:
            raise IOError("the source went away")
        chunk = self.data[self.at:self.at + min(len(buffer), 256 * 1024)]
        buffer[:len(chunk)] = chunk
        self.at += len(chunk)
        return len(chunk)


class S3Transfer(unittest.TestCase):
    def setUp(self):
        # botocore leaves its pooled connections to the garbage collector.
        warnings.simplefilter("ignore", ResourceWarning)
        self.s3 = boto3.client("s3", **SETTINGS)

    def open_uploads(self):
        return self.s3.list_multipart_uploads(Bucket=BUCKET).get("Uploads", [])

    def test_upload_fileobj_from_a_stream_and_download_fileobj(self):
        data = os.urandom(18 * MB + 4321)
        config = TransferConfig(multipart_threshold=5 * MB, multipart_chunksize=5 * MB, max_concurrency=4)
        progress = []
        self.s3.upload_fileobj(io.BufferedReader(Unseekable(data)), BUCKET, "py/stream.bin", Config=config,
                               ExtraArgs={"Metadata": {"origin": "pipe"}, "ContentType": "application/x-test",
                                          "CacheControl": "no-cache"},
                               Callback=progress.append)
        self.assertEqual(sum(progress), len(data))
        head = self.s3.head_object(Bucket=BUCKET, Key="py/stream.bin")
        self.assertEqual(head["ContentLength"], len(data))
        self.assertEqual(head["ETag"], multipart_etag(data, 5 * MB))
        self.assertEqual(head["Metadata"], {"origin": "pipe"})
        self.assertEqual((head["ContentType"], head["CacheControl"]), ("application/x-test", "no-cache"))
        # download_fileobj in ranged GETs of 5 MB, four at a time, into a file object.
        target = io.BytesIO()
        self.s3.download_fileobj(BUCKET, "py/stream.bin", target, Config=config)
        self.assertEqual(hashlib.sha256(target.getvalue()).hexdigest(), hashlib.sha256(data).hexdigest())
        self.assertEqual(self.open_uploads(), [])

    def test_managed_copy_in_parts(self):
        data = os.urandom(12 * MB + 1)
        self.s3.put_object(Bucket=BUCKET, Key="py/original.bin", Body=data)
        config = TransferConfig(multipart_threshold=5 * MB, multipart_chunksize=5 * MB)
        # Above the threshold, the manager copies with UploadPartCopy and byte ranges.
        self.s3.copy({"Bucket": BUCKET, "Key": "py/original.bin"}, BUCKET, "py/copy.bin", Config=config)
        head = self.s3.head_object(Bucket=BUCKET, Key="py/copy.bin")
        self.assertEqual(head["ContentLength"], len(data))
        self.assertEqual(head["ETag"], multipart_etag(data, 5 * MB))
        copied = self.s3.get_object(Bucket=BUCKET, Key="py/copy.bin")["Body"].read()
        self.assertEqual(hashlib.sha256(copied).hexdigest(), hashlib.sha256(data).hexdigest())
        self.assertEqual(self.open_uploads(), [])

    def test_a_failed_upload_is_aborted(self):
        data = os.urandom(16 * MB)
        config = TransferConfig(multipart_threshold=5 * MB, multipart_chunksize=5 * MB, max_concurrency=1)
        with self.assertRaises(Exception):
            self.s3.upload_fileobj(io.BufferedReader(Unseekable(data, fail_after=11 * MB)), BUCKET, "py/failed.bin", Config=config)
        # The manager sends AbortMultipartUpload: no upload is left, no object made.
        self.assertEqual(self.open_uploads(), [])
        with self.assertRaises(self.s3.exceptions.ClientError) as missing:
            self.s3.head_object(Bucket=BUCKET, Key="py/failed.bin")
        self.assertEqual(missing.exception.response["Error"]["Code"], "404")

    def test_upload_file_under_the_threshold_is_one_put(self):
        data = os.urandom(3 * MB)
        with tempfile.NamedTemporaryFile() as source:
            source.write(data)
            source.flush()
            self.s3.upload_file(source.name, BUCKET, "py/small.bin", ExtraArgs={"ContentEncoding": "identity"})
        head = self.s3.head_object(Bucket=BUCKET, Key="py/small.bin")
        # A single PUT's ETag is the body's MD5, without a part count.
        self.assertEqual(head["ETag"], '"%s"' % hashlib.md5(data).hexdigest())
        self.assertEqual(head["ContentEncoding"], "identity")
        with tempfile.TemporaryDirectory() as folder:
            target = os.path.join(folder, "small.bin")
            self.s3.download_file(BUCKET, "py/small.bin", target)
            with open(target, "rb") as f:
                self.assertEqual(f.read(), data)


if __name__ == "__main__":
    unittest.main()
