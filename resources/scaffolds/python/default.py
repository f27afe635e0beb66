"""{{function}}: called with the event it is invoked with."""
import json


def {{handler}}(event, context):
    print(f"{context.function_name} received {json.dumps(event)}")
    return {"ok": True}
