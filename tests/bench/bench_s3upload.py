"""One multipart upload of SIZE_MB megabytes through boto3's transfer manager with its
defaults (upload_fileobj: 8 MB parts, 10 threads), from a stream generated as it goes (no
file of that size on disk), then a HEAD to check the size. Prints one line:
    RESULT <seconds> <MB/s> <ETag>
Usage: python3 bench_s3upload.py ENDPOINT BUCKET KEY SIZE_MB"""
import io
import os
import sys
import time
import warnings

import boto3
from boto3.s3.transfer import TransferConfig

warnings.simplefilter("ignore", ResourceWarning)
endpoint, bucket, key, megabytes = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
MB = 1024 * 1024
size = megabytes * MB
s3 = boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1",
                  aws_access_key_id="x", aws_secret_access_key="x")
pool = os.urandom(16 * MB)


class Generated(io.RawIOBase):
    """The object's bytes, cut from 16 MB of random bytes, 1 MB a read."""

    def __init__(self):
        self.at = 0

    def readable(self):
        return True

    def readinto(self, buffer):
        offset = self.at % len(pool)
        n = max(0, min(len(buffer), size - self.at, MB, len(pool) - offset))
        buffer[:n] = pool[offset:offset + n]
        self.at += n
        return n


started = time.perf_counter()
s3.upload_fileobj(io.BufferedReader(Generated()), bucket, key, Config=TransferConfig())
seconds = time.perf_counter() - started
head = s3.head_object(Bucket=bucket, Key=key)
if head["ContentLength"] != size:
    raise SystemExit(f"the object has {head['ContentLength']} bytes, not {size}")
print(f"RESULT {seconds:.2f} {megabytes / seconds:.1f} {head['ETag']}")
