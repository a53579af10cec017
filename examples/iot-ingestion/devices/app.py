"""Device registry behind the HTTP API: POST /devices registers a device (only registered
devices may send readings), GET /devices/{deviceId} shows it with its latest readings."""
import base64
import json
import os
import re
import sqlite3
from datetime import datetime, timezone

# The workbench starts the "telemetry" resource and passes its file (docs/resources.md).
DB_PATH = os.environ["TELEMETRY_PATH"]
DEVICE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$")
KINDS = {"thermometer", "hygrometer", "weather-station"}


def connect():
    db = sqlite3.connect(DB_PATH, timeout=10)
    db.row_factory = sqlite3.Row
    return db


def answer(status, body):
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(body),
    }


def register(event):
    text = event.get("body") or "{}"
    if event.get("isBase64Encoded"):  # the gateway encodes bodies it does not see as text
        text = base64.b64decode(text)
    try:
        body = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return answer(400, {"message": "the body is not JSON"})
    if not isinstance(body, dict):
        return answer(400, {"message": "the body must be a JSON object"})
    device_id = body.get("deviceId")
    kind = body.get("kind", "thermometer")
    if not isinstance(device_id, str) or not DEVICE_ID.match(device_id):
        return answer(400, {"message": "deviceId: 1-64 letters, digits, - or _"})
    if kind not in KINDS:
        return answer(400, {"message": "kind: one of " + ", ".join(sorted(KINDS))})
    now = datetime.now(timezone.utc).isoformat(timespec="seconds")
    with connect() as db:
        created = db.execute(
            "INSERT OR IGNORE INTO devices (device_id, kind, location, registered_at) "
            "VALUES (?, ?, ?, ?)",
            (device_id, kind, body.get("location"), now),
        ).rowcount == 1
    device = {"deviceId": device_id, "kind": kind, "location": body.get("location")}
    return answer(201 if created else 200, {"device": device, "created": created})


def status(device_id):
    with connect() as db:
        device = db.execute(
            "SELECT device_id, kind, location, registered_at FROM devices WHERE device_id = ?",
            (device_id,),
        ).fetchone()
        if device is None:
            return answer(404, {"message": f"no device {device_id}; register it first"})
        count = db.execute(
            "SELECT count(*) FROM readings WHERE device_id = ?", (device_id,)
        ).fetchone()[0]
        latest = db.execute(
            "SELECT measured_at, temperature, humidity FROM readings WHERE device_id = ? "
            "ORDER BY measured_at DESC LIMIT 5",
            (device_id,),
        ).fetchall()
    return answer(200, {
        "device": {"deviceId": device["device_id"], "kind": device["kind"],
                   "location": device["location"], "registeredAt": device["registered_at"]},
        "readings": count,
        "latest": [dict(r) for r in latest],
    })


def handler(event, context):
    method = event.get("requestContext", {}).get("http", {}).get("method", "GET")
    if method == "POST":
        return register(event)
    device_id = (event.get("pathParameters") or {}).get("deviceId", "")
    return status(device_id)
