"""One operation through boto3 (Debian's python3-boto3) against the local cloud's
endpoint, for tests that check each answer themselves:
    python3 sdk_call.py sqs SendMessage '{"QueueUrl": "...", ...}'
prints {"output": {...}} or {"error": code, "code": code, "message": ...}."""
import json
import os
import sys

import boto3
from botocore import xform_name
from botocore.exceptions import ClientError

service, operation = sys.argv[1], sys.argv[2]
arguments = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}
client = boto3.client(service, endpoint_url=os.environ["NIMBUS_AWS_ENDPOINT"], region_name="us-east-1",
                      aws_access_key_id="local", aws_secret_access_key="local")
try:
    output = getattr(client, xform_name(operation))(**arguments)
    output.pop("ResponseMetadata", None)
    print(json.dumps({"output": output}, default=str))
except ClientError as error:
    code = error.response["Error"]["Code"]
    print(json.dumps({"error": code, "code": code, "message": error.response["Error"].get("Message", "")}))
