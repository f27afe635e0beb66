"""{{function}}: reads the changes of a table's stream."""
import json


def {{handler}}(event, context):
    for record in event["Records"]:
        change = record["dynamodb"]
        image = change.get("NewImage") or change.get("OldImage") or {}
        print(record["eventName"], json.dumps(change.get("Keys")), json.dumps(image))
    return {"batchItemFailures": []}
