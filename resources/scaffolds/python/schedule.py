"""{{function}}: runs on a schedule."""


def {{handler}}(event, context):
    rule = (event.get("resources") or ["a rule"])[0]
    print(f"scheduled run at {event['time']} by {rule}")
    return {"ranAt": event["time"]}
