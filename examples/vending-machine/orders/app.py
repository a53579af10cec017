"""The machines' API behind the gateway.

POST /purchases {"machineId", "slot", "paymentToken"} checks the slot, records a pending order
and hands the payment to the payment function asynchronously (Lambda Invoke, InvocationType
Event); it answers 202 at once, as a machine's screen shows "processing". GET
/purchases/{orderId} is what the machine polls: the order's status and the slot's stock.

The rest of the flow happens without this function: payment's onSuccess destination invokes
inventory (vend, stock - 1), its onFailure destination puts Lambda's failure record on the
payment-failures queue, whose trigger runs cancel-order."""
import base64
import json
import os
import sqlite3
import urllib.parse
import urllib.request
import uuid
from datetime import datetime, timezone

DB_PATH = os.environ["VENDING_PATH"]
# swb serve sets the variable the AWS SDKs read for the Lambda endpoint.
LAMBDA = os.environ.get("AWS_ENDPOINT_URL_LAMBDA",
                        f"https://lambda.{os.environ.get('AWS_REGION', 'us-east-1')}.amazonaws.com")


def answer(status, body):
    return {"statusCode": status, "headers": {"content-type": "application/json"},
            "body": json.dumps(body)}


def now():
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def invoke_async(function, payload):
    request = urllib.request.Request(
        f"{LAMBDA}/2015-03-31/functions/{urllib.parse.quote(function)}/invocations",
        data=json.dumps(payload).encode(),
        headers={"X-Amz-Invocation-Type": "Event", "Content-Type": "application/json"},
        method="POST")
    with urllib.request.urlopen(request, timeout=5) as response:
        if response.status != 202:
            raise RuntimeError(f"Invoke {function} answered {response.status}")


def purchase(event):
    text = event.get("body") or "{}"
    if event.get("isBase64Encoded"):
        text = base64.b64decode(text)
    try:
        body = json.loads(text)
    except (json.JSONDecodeError, UnicodeDecodeError):
        return answer(400, {"message": "the body is not JSON"})
    if not isinstance(body, dict):
        return answer(400, {"message": "the body must be a JSON object"})
    machine, slot, token = body.get("machineId"), body.get("slot"), body.get("paymentToken")
    if not all(isinstance(v, str) and v for v in (machine, slot, token)):
        return answer(400, {"message": "machineId, slot and paymentToken are required"})
    order_id = str(uuid.uuid4())
    with sqlite3.connect(DB_PATH, timeout=10) as db:
        row = db.execute("SELECT product, price_cents, stock FROM slots "
                         "WHERE machine_id = ? AND slot = ?", (machine, slot)).fetchone()
        if row is None:
            return answer(404, {"message": f"machine {machine} has no slot {slot}"})
        product, price, stock = row
        if stock <= 0:
            return answer(409, {"message": f"{product} in {slot} is sold out"})
        db.execute("INSERT INTO orders (order_id, machine_id, slot, amount_cents, status, "
                   "created_at, updated_at) VALUES (?, ?, ?, ?, 'pending', ?, ?)",
                   (order_id, machine, slot, price, now(), now()))
    invoke_async("payment", {"orderId": order_id, "machineId": machine, "slot": slot,
                             "amountCents": price, "paymentToken": token})
    return answer(202, {"orderId": order_id, "product": product, "amountCents": price,
                        "status": "pending"})


def status(order_id):
    with sqlite3.connect(DB_PATH, timeout=10) as db:
        db.row_factory = sqlite3.Row
        order = db.execute("SELECT * FROM orders WHERE order_id = ?", (order_id,)).fetchone()
        if order is None:
            return answer(404, {"message": f"no order {order_id}"})
        stock = db.execute("SELECT stock FROM slots WHERE machine_id = ? AND slot = ?",
                           (order["machine_id"], order["slot"])).fetchone()[0]
    return answer(200, {"orderId": order_id, "machineId": order["machine_id"],
                        "slot": order["slot"], "amountCents": order["amount_cents"],
                        "status": order["status"], "chargeId": order["charge_id"],
                        "reason": order["reason"], "stock": stock})


def handler(event, context):
    if event.get("requestContext", {}).get("http", {}).get("method") == "POST":
        return purchase(event)
    return status((event.get("pathParameters") or {}).get("orderId", ""))
