def main(event, context):
    return {"records": len(event.get("Records", []))}
