"""{{function}}: processes a batch of queue messages. A message whose id is returned in
batchItemFailures goes back to the queue; the others are deleted."""
import json


def {{handler}}(event, context):
    failures = []
    for record in event["Records"]:
        try:
            message = json.loads(record["body"])
            print(f"message {record['messageId']} {json.dumps(message)}")
        except Exception as exc:
            print(f"message {record['messageId']} failed: {exc}")
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
