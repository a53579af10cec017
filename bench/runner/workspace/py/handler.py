def handler(e, c):
    return {"statusCode": 200, "body": "ok"}
