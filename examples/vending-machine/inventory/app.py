"""The inventory side of the flow, driven by the payment's outcome.

vend: payment's onSuccess destination. Its event is Lambda's destination record: the
payment's request (the order) and its response (the charge). It takes one item out of the
slot and marks the order vended; if the slot ran empty meanwhile, the order is marked
refund-due instead.

cancel: the queue trigger of payment-failures, where payment's onFailure destination puts
the failure records. It marks each order declined with the payment's error; stock is not
touched. A record it cannot read is reported as a batch item failure."""
import json
import os
import sqlite3
from datetime import datetime, timezone

DB_PATH = os.environ["VENDING_PATH"]


def now():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def vend(event, context):
    order = event["requestPayload"]
    charge = event["responsePayload"]
    db = sqlite3.connect(DB_PATH, timeout=10, isolation_level=None)
    try:
        db.execute("BEGIN IMMEDIATE")
        taken = db.execute("UPDATE slots SET stock = stock - 1 "
                           "WHERE machine_id = ? AND slot = ? AND stock > 0",
                           (order["machineId"], order["slot"])).rowcount == 1
        status = "vended" if taken else "refund-due"
        db.execute("UPDATE orders SET status = ?, charge_id = ?, reason = ?, updated_at = ? "
                   "WHERE order_id = ? AND status = 'pending'",
                   (status, charge["chargeId"], None if taken else "sold out after payment",
                    now(), order["orderId"]))
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    finally:
        db.close()
    print(json.dumps({"orderId": order["orderId"], "status": status}))
    return {"orderId": order["orderId"], "status": status}


def cancel(event, context):
    failures = []
    with sqlite3.connect(DB_PATH, timeout=10) as db:
        for message in event.get("Records", []):
            try:
                record = json.loads(message["body"])
                order = record["requestPayload"]
                error = record.get("responsePayload") or {}
                reason = error.get("errorMessage") if isinstance(error, dict) else str(error)
                db.execute("UPDATE orders SET status = 'declined', reason = ?, updated_at = ? "
                           "WHERE order_id = ? AND status = 'pending'",
                           (reason or record["requestContext"]["condition"], now(),
                            order["orderId"]))
                print(json.dumps({"orderId": order["orderId"], "status": "declined",
                                  "reason": reason}))
            except (KeyError, TypeError, ValueError) as problem:
                print(json.dumps({"unreadable": message.get("messageId"), "why": str(problem)}))
                failures.append({"itemIdentifier": message["messageId"]})
    return {"batchItemFailures": failures}
