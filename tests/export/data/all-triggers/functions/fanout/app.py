def run(event, context):
    return {"ok": True}
