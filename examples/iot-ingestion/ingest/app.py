"""Stores the readings devices send through the device-messages queue.

SQS hands the function batches of up to 10 messages. A message that is not a valid reading,
or comes from a device that is not registered, is reported in batchItemFailures: only it
comes back after the visibility timeout, and after maxReceiveCount receives SQS moves it to
the dead-letter queue, where an operator can look at it. The good messages of the batch are
stored and deleted."""
import json
import math
import os
import sqlite3

DB_PATH = os.environ["TELEMETRY_PATH"]

# Opened once per instance, at cold start, and reused while the instance stays warm.
db = sqlite3.connect(DB_PATH, timeout=10)


class Invalid(Exception):
    pass


def number(value, name, low, high):
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise Invalid(f"{name} is not a number")
    if not low <= value <= high:
        raise Invalid(f"{name} {value} is outside {low}..{high}")
    return value


def reading(body):
    try:
        message = json.loads(body)
    except json.JSONDecodeError:
        raise Invalid("the body is not JSON")
    if not isinstance(message, dict):
        raise Invalid("the body is not a JSON object")
    device_id = message.get("deviceId")
    if not isinstance(device_id, str) or not device_id:
        raise Invalid("deviceId is missing")
    humidity = message.get("humidity")
    return {
        "deviceId": device_id,
        "ts": int(number(message.get("ts"), "ts", 0, 2**42)),
        "temperature": number(message.get("temperature"), "temperature", -80, 150),
        "humidity": None if humidity is None else number(humidity, "humidity", 0, 100),
    }


def handler(event, context):
    records = event.get("Records", [])
    failures = []
    valid = []
    for record in records:
        try:
            valid.append((record["messageId"], reading(record["body"])))
        except Invalid as problem:
            failures.append({"itemIdentifier": record["messageId"]})
            print(json.dumps({"rejected": record["messageId"], "why": str(problem)}))

    ids = sorted({r["deviceId"] for _, r in valid})
    registered = set()
    if ids:
        marks = ",".join("?" * len(ids))
        registered = {row[0] for row in db.execute(
            f"SELECT device_id FROM devices WHERE device_id IN ({marks})", ids)}

    stored = 0
    with db:  # one transaction per batch
        for message_id, r in valid:
            if r["deviceId"] not in registered:
                failures.append({"itemIdentifier": message_id})
                print(json.dumps({"rejected": message_id,
                                  "why": f"device {r['deviceId']} is not registered"}))
                continue
            # A message delivered twice (SQS is at-least-once) is stored once.
            stored += db.execute(
                "INSERT OR IGNORE INTO readings "
                "(message_id, device_id, measured_at, temperature, humidity) "
                "VALUES (?, ?, ?, ?, ?)",
                (message_id, r["deviceId"], r["ts"], r["temperature"], r["humidity"]),
            ).rowcount

    print(json.dumps({"batch": len(records), "stored": stored, "failed": len(failures)}))
    # ReportBatchItemFailures: only these messages return to the queue.
    return {"batchItemFailures": failures}
