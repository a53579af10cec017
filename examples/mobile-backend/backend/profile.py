"""GET /profile and PUT /profile: the signed-in user's profile (scope "profile")."""
import psycopg2
import psycopg2.extras

import common


def _profile(row):
    return {"userId": row["user_id"], "displayName": row["display_name"], "bio": row["bio"],
            "updatedAt": row["updated_at"].isoformat()}


def handler(event, context):
    user = common.caller(event)
    if not user:
        return common.answer(401, {"message": "No caller identity in the request."})
    conn = common.db()
    try:
        with conn, conn.cursor(cursor_factory=psycopg2.extras.RealDictCursor) as cur:
            if event.get("httpMethod") == "GET":
                cur.execute("SELECT * FROM profiles WHERE user_id = %s", (user,))
                row = cur.fetchone()
                if not row:
                    return common.answer(404, {"message": "No profile yet: PUT /profile makes one."})
                return common.answer(200, _profile(row))
            if event.get("httpMethod") == "PUT":
                body = common.json_body(event)
                if body is None:
                    return common.answer(400, {"message": "The body must be a JSON object."})
                try:
                    name = common.text_field(body, "displayName", 1, 80)
                    bio = common.text_field(body, "bio", 0, 500, default="")
                except ValueError as e:
                    return common.answer(400, {"message": str(e)})
                cur.execute(
                    "INSERT INTO profiles (user_id, display_name, bio) VALUES (%s, %s, %s) "
                    "ON CONFLICT (user_id) DO UPDATE SET display_name = EXCLUDED.display_name, "
                    "bio = EXCLUDED.bio, updated_at = now() RETURNING *",
                    (user, name, bio),
                )
                return common.answer(200, _profile(cur.fetchone()))
    except psycopg2.OperationalError:
        common.forget_connection()
        raise
    return common.answer(405, {"message": "Method not allowed."})
