def create(event, context):\n    return {"statusCode": 201}
