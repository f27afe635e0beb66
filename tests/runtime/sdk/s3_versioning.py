"""boto3 against the local cloud's S3 versioning as applications use it: put_bucket_versioning,
a VersionId on every write, get_object and head_object by version, delete markers (404 with
DeleteMarker, 405 by id), list_object_versions followed page by page with boto3's paginator,
a version restored with copy_object, the null version of a suspended bucket, and
delete_objects by version. tst_awsendpoint runs it with NIMBUS_AWS_ENDPOINT set to a running
endpoint serving tests/runtime/data/aws (bucket files)."""
import os
import unittest
import warnings

import boto3
from botocore.exceptions import ClientError

ENDPOINT = os.environ["NIMBUS_AWS_ENDPOINT"]
SETTINGS = {"endpoint_url": ENDPOINT, "region_name": "us-east-1",
            "aws_access_key_id": "local", "aws_secret_access_key": "local"}
BUCKET = "files"


def error_of(call, **kwargs):
    try:
        call(**kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("the call succeeded")


class S3Versioning(unittest.TestCase):
    def setUp(self):
        warnings.simplefilter("ignore", ResourceWarning)
        self.s3 = boto3.client("s3", **SETTINGS)
        self.s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Enabled"})

    def test_versions_and_delete_markers(self):
        self.assertEqual(self.s3.get_bucket_versioning(Bucket=BUCKET)["Status"], "Enabled")
        v1 = self.s3.put_object(Bucket=BUCKET, Key="py/v.txt", Body=b"one")["VersionId"]
        v2 = self.s3.put_object(Bucket=BUCKET, Key="py/v.txt", Body=b"two")["VersionId"]
        self.assertNotEqual(v1, v2)
        got = self.s3.get_object(Bucket=BUCKET, Key="py/v.txt", VersionId=v1)
        self.assertEqual((got["Body"].read(), got["VersionId"]), (b"one", v1))
        self.assertEqual(self.s3.head_object(Bucket=BUCKET, Key="py/v.txt")["VersionId"], v2)
        deleted = self.s3.delete_object(Bucket=BUCKET, Key="py/v.txt")
        self.assertTrue(deleted["DeleteMarker"])
        marker = deleted["VersionId"]
        self.assertEqual(error_of(self.s3.get_object, Bucket=BUCKET, Key="py/v.txt"), ("NoSuchKey", 404))
        self.assertEqual(error_of(self.s3.get_object, Bucket=BUCKET, Key="py/v.txt", VersionId=marker),
                         ("MethodNotAllowed", 405))
        self.assertEqual(error_of(self.s3.get_object, Bucket=BUCKET, Key="py/v.txt",
                                  VersionId="A" * 32), ("NoSuchVersion", 404))
        listed = self.s3.list_object_versions(Bucket=BUCKET, Prefix="py/v.txt")
        self.assertEqual([v["VersionId"] for v in listed["Versions"]], [v2, v1])
        self.assertEqual([(m["VersionId"], m["IsLatest"]) for m in listed["DeleteMarkers"]], [(marker, True)])
        # Removing the marker brings the object back; a restore copies an older version.
        self.assertTrue(self.s3.delete_object(Bucket=BUCKET, Key="py/v.txt", VersionId=marker)["DeleteMarker"])
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/v.txt")["Body"].read(), b"two")
        copied = self.s3.copy_object(Bucket=BUCKET, Key="py/v.txt",
                                     CopySource={"Bucket": BUCKET, "Key": "py/v.txt", "VersionId": v1})
        self.assertEqual(copied["CopySourceVersionId"], v1)
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/v.txt")["Body"].read(), b"one")
        # Removing one version for good.
        self.s3.delete_object(Bucket=BUCKET, Key="py/v.txt", VersionId=copied["VersionId"])
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/v.txt")["Body"].read(), b"two")

    def test_paginator_walks_every_version(self):
        written = []
        for key in ("py/p/a", "py/p/b", "py/p/c"):
            for n in range(3):
                written.append((key, self.s3.put_object(Bucket=BUCKET, Key=key, Body=b"%d" % n)["VersionId"]))
        expected = []
        for key in ("py/p/a", "py/p/b", "py/p/c"):
            expected += list(reversed([w for w in written if w[0] == key]))
        pages = self.s3.get_paginator("list_object_versions").paginate(
            Bucket=BUCKET, Prefix="py/p/", PaginationConfig={"PageSize": 2})
        seen = []
        count = 0
        for page in pages:
            count += 1
            seen += [(v["Key"], v["VersionId"]) for v in page.get("Versions", [])]
        self.assertEqual(seen, expected)
        self.assertEqual(count, 5)

    def test_suspended_and_delete_objects(self):
        v1 = self.s3.put_object(Bucket=BUCKET, Key="py/s.txt", Body=b"kept")["VersionId"]
        self.s3.put_bucket_versioning(Bucket=BUCKET, VersioningConfiguration={"Status": "Suspended"})
        self.assertEqual(self.s3.get_bucket_versioning(Bucket=BUCKET)["Status"], "Suspended")
        self.assertEqual(self.s3.put_object(Bucket=BUCKET, Key="py/s.txt", Body=b"a")["VersionId"], "null")
        self.assertEqual(self.s3.put_object(Bucket=BUCKET, Key="py/s.txt", Body=b"b")["VersionId"], "null")
        versions = self.s3.list_object_versions(Bucket=BUCKET, Prefix="py/s.txt")["Versions"]
        self.assertEqual([v["VersionId"] for v in versions], ["null", v1])
        answer = self.s3.delete_objects(Bucket=BUCKET, Delete={"Objects": [{"Key": "py/s.txt", "VersionId": "null"}]})
        self.assertEqual(answer["Deleted"], [{"Key": "py/s.txt", "VersionId": "null"}])
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/s.txt")["Body"].read(), b"kept")


if __name__ == "__main__":
    unittest.main()
