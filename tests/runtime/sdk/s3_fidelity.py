"""boto3 against the local cloud's S3 as applications use it: upload_file's multipart
transfer of a 20 MB file and download_file of it byte for byte, PutObjectTagging that
leaves the body alone, the lock pattern with IfNoneMatch, stored metadata, subresources
answered or refused by name, an expired presigned URL, and a presigned POST form upload.
tst_awsendpoint runs it with NIMBUS_AWS_ENDPOINT set to a running endpoint serving tests/runtime/data/aws (bucket files)."""
import hashlib
import os
import re
import tempfile
import unittest
import urllib.error
import urllib.request
import warnings

import boto3
from boto3.s3.transfer import TransferConfig
from botocore.config import Config
from botocore.exceptions import ClientError

ENDPOINT = os.environ["NIMBUS_AWS_ENDPOINT"]
SETTINGS = {"endpoint_url": ENDPOINT, "region_name": "us-east-1",
            "aws_access_key_id": "local", "aws_secret_access_key": "local"}
BUCKET = "files"


def error_of(call, *args, **kwargs):
    try:
        call(*args, **kwargs)
    except ClientError as error:
        return error.response["Error"]["Code"], error.response["ResponseMetadata"]["HTTPStatusCode"]
    raise AssertionError("the call succeeded")


class S3Fidelity(unittest.TestCase):
    def setUp(self):
        # botocore leaves its pooled connections to the garbage collector.
        warnings.simplefilter("ignore", ResourceWarning)
        self.s3 = boto3.client("s3", **SETTINGS)

    def test_upload_file_multipart_and_download_file(self):
        data = os.urandom(20 * 1024 * 1024)
        with tempfile.TemporaryDirectory() as folder:
            source = os.path.join(folder, "source.bin")
            with open(source, "wb") as f:
                f.write(data)
            # boto3's defaults: multipart from 8 MB, in 8 MB parts.
            config = TransferConfig()
            self.assertLess(config.multipart_threshold, len(data))
            self.s3.upload_file(source, BUCKET, "py/big.bin", Config=config)
            head = self.s3.head_object(Bucket=BUCKET, Key="py/big.bin")
            self.assertEqual(head["ContentLength"], len(data))
            self.assertTrue(head["ETag"].endswith('-3"'), head["ETag"])
            target = os.path.join(folder, "target.bin")
            self.s3.download_file(BUCKET, "py/big.bin", target)
            with open(target, "rb") as f:
                self.assertEqual(hashlib.sha256(f.read()).hexdigest(), hashlib.sha256(data).hexdigest())
        self.assertEqual(self.s3.list_multipart_uploads(Bucket=BUCKET).get("Uploads", []), [])

    def test_tagging_leaves_the_body_intact(self):
        self.s3.put_object(Bucket=BUCKET, Key="py/tagged.txt", Body=b"keep me", Tagging="a=1")
        self.s3.put_object_tagging(Bucket=BUCKET, Key="py/tagged.txt",
                                   Tagging={"TagSet": [{"Key": "stage", "Value": "dev"}]})
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/tagged.txt")["Body"].read(), b"keep me")
        tags = self.s3.get_object_tagging(Bucket=BUCKET, Key="py/tagged.txt")["TagSet"]
        self.assertEqual(tags, [{"Key": "stage", "Value": "dev"}])
        self.s3.delete_object_tagging(Bucket=BUCKET, Key="py/tagged.txt")
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/tagged.txt")["Body"].read(), b"keep me")
        self.s3.put_object_acl(Bucket=BUCKET, Key="py/tagged.txt", ACL="private")
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/tagged.txt")["Body"].read(), b"keep me")
        acl = self.s3.get_object_acl(Bucket=BUCKET, Key="py/tagged.txt")
        self.assertEqual(acl["Grants"][0]["Permission"], "FULL_CONTROL")
        self.assertEqual(error_of(self.s3.put_object_acl, Bucket=BUCKET, Key="py/tagged.txt", ACL="public-read"),
                         ("NotImplemented", 501))
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/tagged.txt")["Body"].read(), b"keep me")

    def test_lock_pattern(self):
        # Debian's botocore (1.29) predates PutObject's IfNoneMatch: the header is added
        # before signing, as applications on it do.
        def if_none_match(request, **_):
            request.headers["If-None-Match"] = "*"

        self.s3.meta.events.register("before-sign.s3.PutObject", if_none_match)
        self.s3.put_object(Bucket=BUCKET, Key="py/lock", Body=b"first")
        self.assertEqual(error_of(self.s3.put_object, Bucket=BUCKET, Key="py/lock", Body=b"second"),
                         ("PreconditionFailed", 412))
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/lock")["Body"].read(), b"first")

    def test_metadata_and_copy(self):
        self.s3.put_object(Bucket=BUCKET, Key="py/meta.txt", Body=b"m", Metadata={"owner": "ada"},
                           CacheControl="max-age=5", ContentDisposition="inline", ContentLanguage="en")
        head = self.s3.head_object(Bucket=BUCKET, Key="py/meta.txt")
        self.assertEqual(head["Metadata"], {"owner": "ada"})
        self.assertEqual((head["CacheControl"], head["ContentDisposition"], head["ContentLanguage"]),
                         ("max-age=5", "inline", "en"))
        self.s3.copy_object(Bucket=BUCKET, Key="py/meta-copy.txt", CopySource={"Bucket": BUCKET, "Key": "py/meta.txt"})
        self.assertEqual(self.s3.head_object(Bucket=BUCKET, Key="py/meta-copy.txt")["Metadata"], {"owner": "ada"})
        self.s3.copy_object(Bucket=BUCKET, Key="py/meta-copy.txt", CopySource={"Bucket": BUCKET, "Key": "py/meta.txt"},
                            MetadataDirective="REPLACE", Metadata={"owner": "grace"})
        self.assertEqual(self.s3.head_object(Bucket=BUCKET, Key="py/meta-copy.txt")["Metadata"], {"owner": "grace"})

    def test_bucket_subresources(self):
        self.assertIsNone(self.s3.get_bucket_location(Bucket=BUCKET)["LocationConstraint"])
        self.assertNotIn("Status", self.s3.get_bucket_versioning(Bucket=BUCKET))
        self.assertEqual(error_of(self.s3.get_bucket_policy, Bucket=BUCKET), ("NoSuchBucketPolicy", 404))
        self.assertEqual(self.s3.list_object_versions(Bucket=BUCKET).get("Versions", []), [])
        self.assertEqual(error_of(self.s3.put_bucket_cors, Bucket=BUCKET, CORSConfiguration={
            "CORSRules": [{"AllowedMethods": ["GET"], "AllowedOrigins": ["*"]}]}), ("NotImplemented", 501))

    def test_presigned_post(self):
        # A browser's form upload: boto3's generate_presigned_post, posted as a form is
        # (Debian's requests), with a content-length-range and a metadata field.
        import requests
        post = self.s3.generate_presigned_post(
            BUCKET, "py/forms/${filename}", Fields={"x-amz-meta-owner": "ada", "success_action_status": "201"},
            Conditions=[{"x-amz-meta-owner": "ada"}, {"success_action_status": "201"},
                        ["content-length-range", 1, 1024]], ExpiresIn=300)
        answer = requests.post(post["url"], data=post["fields"], files={"file": ("cat.txt", b"meow")})
        self.assertEqual(answer.status_code, 201, answer.text)
        self.assertIn("<Key>py/forms/cat.txt</Key>", answer.text)
        head = self.s3.head_object(Bucket=BUCKET, Key="py/forms/cat.txt")
        self.assertEqual(head["Metadata"], {"owner": "ada"})
        self.assertEqual(self.s3.get_object(Bucket=BUCKET, Key="py/forms/cat.txt")["Body"].read(), b"meow")
        # Over the range, and a field the policy does not name.
        answer = requests.post(post["url"], data=post["fields"], files={"file": ("big.txt", b"x" * 2048)})
        self.assertEqual(answer.status_code, 400)
        self.assertIn("EntityTooLarge", answer.text)
        answer = requests.post(post["url"], data={**post["fields"], "x-amz-meta-role": "admin"},
                               files={"file": ("cat.txt", b"meow")})
        self.assertEqual(answer.status_code, 403)
        self.assertIn("Extra input fields: x-amz-meta-role", answer.text)

    def refused(self, url):
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(url)
        self.assertEqual(refused.exception.code, 403)
        self.assertIn(b"<Message>Request has expired</Message>", refused.exception.read())

    def test_expired_presigned_url(self):
        self.s3.put_object(Bucket=BUCKET, Key="py/shared.txt", Body=b"shared")
        params = {"Bucket": BUCKET, "Key": "py/shared.txt"}
        # Signature version 4 (X-Amz-Date and X-Amz-Expires) and botocore's older default (Expires).
        v4 = boto3.client("s3", config=Config(signature_version="s3v4"), **SETTINGS)
        for client in (v4, self.s3):
            url = client.generate_presigned_url("get_object", Params=params, ExpiresIn=300)
            with urllib.request.urlopen(url) as answer:
                self.assertEqual(answer.read(), b"shared")
        # The same URLs as signed in 2020.
        url = v4.generate_presigned_url("get_object", Params=params, ExpiresIn=300)
        self.refused(re.sub(r"X-Amz-Date=[0-9TZ]+", "X-Amz-Date=20200101T000000Z", url))
        url = self.s3.generate_presigned_url("get_object", Params=params, ExpiresIn=300)
        self.assertIn("Expires=", url)
        self.refused(re.sub(r"Expires=[0-9]+", "Expires=1577836800", url))


if __name__ == "__main__":
    unittest.main()
