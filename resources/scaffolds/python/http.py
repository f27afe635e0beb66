"""{{function}}: answers HTTP requests routed to it by the API gateway."""
import base64
import json


def {{handler}}(event, context):
    method = event.get("requestContext", {}).get("http", {}).get("method") or event.get("httpMethod")
    path = event.get("rawPath") or event.get("path")
    body = event.get("body")
    if body and event.get("isBase64Encoded"):
        body = base64.b64decode(body).decode()
    received = json.loads(body) if body else None
    print(f"{method} {path} {json.dumps(event.get('pathParameters') or {})}")
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"message": "Hello from {{function}}", "path": path,
                            "pathParameters": event.get("pathParameters") or {}, "received": received}),
    }
