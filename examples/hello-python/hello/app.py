"""An HTTP function behind API Gateway (HTTP API, payload format 2.0)."""
import json
import os

# Runs once per instance, at cold start: the place for clients and configuration.
GREETING = os.environ.get("GREETING", "Hello")


def handler(event, context):
    params = event.get("queryStringParameters") or {}
    name = params.get("name", "world")
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({
            "message": f"{GREETING}, {name}!",
            "requestId": context.aws_request_id,
        }),
    }
