"""A multi-tenant SaaS API (HTTP API, payload 2.0): every tenant's projects in one table.

The tenant comes from the caller's token -- the "tenant" claim the identity provider put in
(locally: swb token issue --user wile --claim tenant=acme --scope projects:read) -- and never
from the request's path, query or body, so a caller cannot ask for another tenant's data.
Each request runs in a transaction that switches to the role tenant_app and sets
app.tenant_id; PostgreSQL's row-level security policy (db/schema.sql) then hides every other
tenant's rows, whatever the SQL below says.

Routes:
  POST /projects        (scope projects:write)  {"name": "..."}  -> 201 the project
  GET  /projects        (scope projects:read)   the tenant's projects
  GET  /projects/{id}   (scope projects:read)   one of the tenant's projects, else 404
"""
import json
import os
import re
from contextlib import contextmanager

import psycopg2
import psycopg2.extras

_conn = None
_TENANT = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")


def _db():
    global _conn
    if _conn is None or _conn.closed:
        _conn = psycopg2.connect(os.environ["SAAS_URL"], connect_timeout=5)
    return _conn


@contextmanager
def tenant_transaction(tenant):
    """A transaction that can see only `tenant`'s rows.

    SET LOCAL lasts until the transaction ends, so a warm instance that serves acme and then
    globex never carries one tenant's context into the other's request.
    """
    global _conn
    conn = _db()
    try:
        with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            cur.execute("SET LOCAL ROLE tenant_app")
            cur.execute("SELECT set_config('app.tenant_id', %s, true)", (tenant,))
            yield cur
    except psycopg2.OperationalError:
        _conn = None  # the connection dropped: the next request reconnects
        raise


def _answer(status, body):
    return {
        "statusCode": status,
        "headers": {"content-type": "application/json"},
        "body": json.dumps(body, default=str),
    }


def _project(row):
    return {
        "id": row["id"],
        "tenant": row["tenant_id"],
        "name": row["name"],
        "createdBy": row["created_by"],
        "createdAt": row["created_at"].isoformat(),
    }


def create_project(tenant, user, event):
    try:
        body = json.loads(event.get("body") or "{}")
    except json.JSONDecodeError:
        return _answer(400, {"message": "The body is not JSON."})
    name = body.get("name") if isinstance(body, dict) else None
    if not isinstance(name, str) or not name.strip() or len(name) > 200:
        return _answer(400, {"message": "\"name\" must be a text of 1 to 200 characters."})
    with tenant_transaction(tenant) as cur:
        # No tenant_id here: its default is the transaction's app.tenant_id, and the policy's
        # WITH CHECK would refuse any other.
        cur.execute(
            "INSERT INTO projects (name, created_by) VALUES (%s, %s) "
            "RETURNING id, tenant_id, name, created_by, created_at",
            (name.strip(), user),
        )
        return _answer(201, _project(cur.fetchone()))


def list_projects(tenant):
    with tenant_transaction(tenant) as cur:
        # No WHERE tenant_id: row-level security adds it.
        cur.execute("SELECT id, tenant_id, name, created_by, created_at FROM projects "
                    "ORDER BY id DESC LIMIT 100")
        return _answer(200, {"tenant": tenant, "projects": [_project(r) for r in cur.fetchall()]})


def get_project(tenant, project_id):
    if not project_id.isdigit():
        return _answer(404, {"message": "No such project."})
    with tenant_transaction(tenant) as cur:
        cur.execute("SELECT id, tenant_id, name, created_by, created_at FROM projects "
                    "WHERE id = %s", (int(project_id),))
        row = cur.fetchone()
    # Another tenant's id is simply not there.
    return _answer(200, _project(row)) if row else _answer(404, {"message": "No such project."})


def handler(event, context):
    authorizer = event.get("requestContext", {}).get("authorizer", {})
    claims = authorizer.get("jwt", {}).get("claims", {})
    tenant, user = claims.get("tenant", ""), claims.get("sub", "")
    if not _TENANT.match(tenant) or not user:
        # A valid token of a user who belongs to no tenant.
        return _answer(403, {"message": "The token has no valid \"tenant\" claim."})
    route = event.get("routeKey", "")
    if route == "POST /projects":
        return create_project(tenant, user, event)
    if route == "GET /projects":
        return list_projects(tenant)
    if route == "GET /projects/{id}":
        return get_project(tenant, (event.get("pathParameters") or {}).get("id", ""))
    return _answer(404, {"message": "Not Found"})
