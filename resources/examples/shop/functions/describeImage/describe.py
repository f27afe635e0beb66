"""Reads the header of each uploaded PNG or JPEG image and records its format and size."""
import os
import struct
import urllib.parse

import boto3

s3 = boto3.client("s3")
METADATA = boto3.resource("dynamodb").Table(os.environ["IMAGE_METADATA_TABLE"])

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers carry the size; C4, C8 and CC are other segments.
JPEG_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def image_size(header):
    """Returns (format, width, height), or None for a file that is neither PNG nor JPEG."""
    if header.startswith(PNG_SIGNATURE) and header[12:16] == b"IHDR":
        width, height = struct.unpack(">II", header[16:24])
        return "png", width, height
    if header.startswith(b"\xff\xd8"):
        i = 2
        while i + 9 <= len(header):
            if header[i] != 0xFF:
                return None
            marker = header[i + 1]
            length = struct.unpack(">H", header[i + 2:i + 4])[0]
            if marker in JPEG_SOF:
                height, width = struct.unpack(">HH", header[i + 5:i + 9])
                return "jpeg", width, height
            i += 2 + length
    return None


def handler(event, context):
    described = []
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = urllib.parse.unquote_plus(record["s3"]["object"]["key"])
        # The size is in the first bytes; no need to download the whole image.
        header = s3.get_object(Bucket=bucket, Key=key, Range="bytes=0-65535")["Body"].read()
        found = image_size(header)
        if found is None:
            print(f"s3://{bucket}/{key} is not a PNG or JPEG image; skipped")
            continue
        kind, width, height = found
        METADATA.put_item(Item={
            "key": key,
            "bucket": bucket,
            "format": kind,
            "width": width,
            "height": height,
            "bytes": record["s3"]["object"].get("size", 0),
        })
        described.append({"key": key, "format": kind, "width": width, "height": height})
    return {"described": described}
