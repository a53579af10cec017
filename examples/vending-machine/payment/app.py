"""Charges the buyer's card: the step that may fail.

A stand-in for a payment provider (this example calls none): tokens starting with "tok_" are
accepted, except "tok_declined" (the bank says no) and "tok_expired". A declined payment
raises, so the asynchronous invocation fails; with maximumRetryAttempts 0 it is not retried
(charging a card again is the provider's decision, not ours) and Lambda's failure record goes
to the onFailure destination at once. A successful charge returns the charge, which the
onSuccess destination hands to inventory."""
import hashlib
import json

DECLINES = {"tok_declined": "card declined by the issuer", "tok_expired": "card expired"}


class PaymentDeclined(Exception):
    pass


def handler(event, context):
    token = event.get("paymentToken", "")
    amount = event.get("amountCents")
    if not isinstance(amount, int) or amount <= 0:
        raise PaymentDeclined(f"order {event.get('orderId')}: invalid amount {amount!r}")
    if not token.startswith("tok_"):
        raise PaymentDeclined(f"order {event.get('orderId')}: not a payment token")
    if token in DECLINES:
        raise PaymentDeclined(f"order {event['orderId']}: {DECLINES[token]}")
    # The provider's charge id; derived from the order so that a retry is idempotent.
    charge_id = "ch_" + hashlib.sha256(event["orderId"].encode()).hexdigest()[:20]
    print(json.dumps({"orderId": event["orderId"], "charged": amount, "chargeId": charge_id}))
    return {"orderId": event["orderId"], "chargeId": charge_id, "amountCents": amount}
