"""What both functions share: the database connection, the caller, JSON answers.

These run behind API Gateway REST API (payload 1.0). The gateway's authorizer checked the
token before the function runs and passes its claims, as strings, in
requestContext.authorizer.claims -- the shape a Cognito user pool authorizer gives, so this
code runs unchanged behind one.
"""
import json
import os

import psycopg2

_conn = None


def db():
    """One connection per instance, reused while the instance is warm."""
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg2.connect(os.environ["APP_URL"], connect_timeout=5)
    return _conn


def forget_connection():
    global _conn
    _conn = None


def caller(event):
    claims = (event.get("requestContext") or {}).get("authorizer") or {}
    claims = claims.get("claims") or {}
    return claims.get("sub")


def answer(status, body=None):
    # Payload 1.0: statusCode, headers, body (a string or null) -- nothing else.
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json"},
        "body": None if body is None else json.dumps(body, default=str),
    }


def json_body(event):
    """The request's JSON object, or None when the body is missing or not an object."""
    try:
        body = json.loads(event.get("body") or "null")
    except json.JSONDecodeError:
        return None
    return body if isinstance(body, dict) else None


def text_field(body, name, low, high, default=None):
    """body[name] as a stripped text of low..high characters; default when absent; else raises."""
    value = body.get(name, default)
    if not isinstance(value, str) or not low <= len(value.strip()) <= high:
        raise ValueError(f"\"{name}\" must be a text of {low} to {high} characters.")
    return value.strip()
