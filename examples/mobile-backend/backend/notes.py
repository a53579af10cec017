"""The signed-in user's notes (scope "notes"), create, read, update, delete:

  POST   /notes        {"title": "...", "body": "..."}  -> 201 the note
  GET    /notes        the user's notes, last changed first
  GET    /notes/{id}   one note                          (404 when it is not the user's)
  PUT    /notes/{id}   {"title": "...", "body": "..."}  -> 200 the changed note
  DELETE /notes/{id}   -> 204
"""
import psycopg2
import psycopg2.extras

import common

_COLUMNS = "id, title, body, created_at, updated_at"


def _note(row):
    return {"id": row["id"], "title": row["title"], "body": row["body"],
            "createdAt": row["created_at"].isoformat(), "updatedAt": row["updated_at"].isoformat()}


def _fields(event):
    body = common.json_body(event)
    if body is None:
        raise ValueError("The body must be a JSON object.")
    return common.text_field(body, "title", 1, 200), common.text_field(body, "body", 0, 10000, "")


def handler(event, context):
    user = common.caller(event)
    if not user:
        return common.answer(401, {"message": "No caller identity in the request."})
    method, resource = event.get("httpMethod"), event.get("resource")
    note_id = (event.get("pathParameters") or {}).get("id", "")
    if resource == "/notes/{id}" and not note_id.isdigit():
        return common.answer(404, {"message": "No such note."})
    conn = common.db()
    try:
        with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            if resource == "/notes" and method == "GET":
                cur.execute(f"SELECT {_COLUMNS} FROM notes WHERE user_id = %s "
                            "ORDER BY updated_at DESC, id DESC LIMIT 200", (user,))
                return common.answer(200, {"notes": [_note(r) for r in cur.fetchall()]})
            if resource == "/notes" and method == "POST":
                try:
                    title, text = _fields(event)
                except ValueError as e:
                    return common.answer(400, {"message": str(e)})
                cur.execute(f"INSERT INTO notes (user_id, title, body) VALUES (%s, %s, %s) "
                            f"RETURNING {_COLUMNS}", (user, title, text))
                return common.answer(201, _note(cur.fetchone()))
            if resource == "/notes/{id}" and method == "GET":
                cur.execute(f"SELECT {_COLUMNS} FROM notes WHERE id = %s AND user_id = %s",
                            (int(note_id), user))
            elif resource == "/notes/{id}" and method == "PUT":
                try:
                    title, text = _fields(event)
                except ValueError as e:
                    return common.answer(400, {"message": str(e)})
                cur.execute(f"UPDATE notes SET title = %s, body = %s, updated_at = now() "
                            f"WHERE id = %s AND user_id = %s RETURNING {_COLUMNS}",
                            (title, text, int(note_id), user))
            elif resource == "/notes/{id}" and method == "DELETE":
                cur.execute("DELETE FROM notes WHERE id = %s AND user_id = %s",
                            (int(note_id), user))
                if cur.rowcount == 0:
                    return common.answer(404, {"message": "No such note."})
                return common.answer(204)
            else:
                return common.answer(405, {"message": "Method not allowed."})
            row = cur.fetchone()
            return common.answer(200, _note(row)) if row else common.answer(404, {"message": "No such note."})
    except psycopg2.OperationalError:
        common.forget_connection()
        raise
