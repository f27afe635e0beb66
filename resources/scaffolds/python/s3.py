"""{{function}}: reacts to objects written to a bucket."""
from urllib.parse import unquote_plus


def {{handler}}(event, context):
    for record in event["Records"]:
        bucket = record["s3"]["bucket"]["name"]
        key = unquote_plus(record["s3"]["object"]["key"])
        print(f"{record['eventName']}: s3://{bucket}/{key} ({record['s3']['object'].get('size', 0)} bytes)")
