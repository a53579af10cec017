"""An orders API behind API Gateway (HTTP API, payload 2.0) with a JWT authorizer.

The gateway has already checked the token (signature, issuer, audience, expiry) and the
route's scopes before this code runs; the function only reads who the caller is from the
claims the authorizer passes on. The data lives in PostgreSQL: locally the database that
`swb serve` started, in the cloud RDS or Aurora -- the same ORDERS_URL either way.

Routes:
  POST /orders          (scope orders:write)  {"item": "...", "quantity": 2}  -> 201 the order
  GET  /orders          (scope orders:read)   the caller's orders, newest first
  GET  /orders/{id}     (scope orders:read)   one of the caller's orders, else 404
"""
import json
import os

import psycopg2
import psycopg2.extras

# Outside the handler: one connection per instance, reused by every warm invocation.
_conn = None


def _db():
    global _conn
    if _conn is None or _conn.closed:
        # ORDERS_URL is postgresql://USER:PASSWORD@HOST:PORT/orders; the PG* variables are set
        # too, so psycopg2.connect("") would work as well.
        _conn = psycopg2.connect(os.environ["ORDERS_URL"], connect_timeout=5)
    return _conn


def _answer(status, body):
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(body, default=str),
    }


def _caller(event):
    """The token's subject: the gateway puts every claim in as a string."""
    claims = event.get("requestContext", {}).get("authorizer", {}).get("jwt", {}).get("claims", {})
    return claims.get("sub")


def _order(row):
    return {
        "id": row["id"],
        "item": row["item"],
        "quantity": row["quantity"],
        "owner": row["owner"],
        "createdAt": row["created_at"].isoformat(),
    }


def create_order(user, event):
    try:
        body = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return _answer(400, {"message": "The body is not JSON."})
    item = body.get("item") if isinstance(body, dict) else None
    quantity = body.get("quantity", 1) if isinstance(body, dict) else None
    if not isinstance(item, str) or not item.strip() or len(item) > 200:
        return _answer(400, {"message": "\"item\" must be a text of 1 to 200 characters."})
    if not isinstance(quantity, int) or isinstance(quantity, bool) or not 1 <= quantity <= 1000:
        return _answer(400, {"message": "\"quantity\" must be a whole number from 1 to 1000."})
    conn = _db()
    with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "INSERT INTO orders (owner, item, quantity) VALUES (%s, %s, %s) "
            "RETURNING id, owner, item, quantity, created_at",
            (user, item.strip(), quantity),
        )
        return _answer(201, _order(cur.fetchone()))


def list_orders(user):
    conn = _db()
    with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "SELECT id, owner, item, quantity, created_at FROM orders "
            "WHERE owner = %s ORDER BY id DESC LIMIT 100",
            (user,),
        )
        return _answer(200, {"orders": [_order(r) for r in cur.fetchall()]})


def get_order(user, order_id):
    if not order_id.isdigit():
        return _answer(404, {"message": "No such order."})
    conn = _db()
    with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
        cur.execute(
            "SELECT id, owner, item, quantity, created_at FROM orders WHERE id = %s AND owner = %s",
            (int(order_id), user),
        )
        row = cur.fetchone()
    # Someone else's order is "not found" too: an id must not reveal that it exists.
    return _answer(200, _order(row)) if row else _answer(404, {"message": "No such order."})


def handler(event, context):
    global _conn
    user = _caller(event)
    if not user:
        # Only reachable when the route has no authorizer (a misconfiguration): refuse.
        return _answer(401, {"message": "No caller identity in the request."})
    route = event.get("routeKey", "")
    try:
        if route == "POST /orders":
            return create_order(user, event)
        if route == "GET /orders":
            return list_orders(user)
        if route == "GET /orders/{id}":
            return get_order(user, (event.get("pathParameters") or {}).get("id", ""))
    except psycopg2.OperationalError:
        # The connection dropped (database restarted): forget it, the next call reconnects.
        _conn = None
        raise
    return _answer(404, {"message": "Not Found"})
