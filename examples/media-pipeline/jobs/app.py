"""GET /jobs/{jobId}: a job's status and the parts the aggregator collected so far."""
import json
import os
import sqlite3

DB_PATH = os.environ["MEDIA_PATH"]


def handler(event, context):
    job_id = (event.get("pathParameters") or {}).get("jobId", "")
    db = sqlite3.connect(DB_PATH, timeout=10)
    db.row_factory = sqlite3.Row
    try:
        job = db.execute("SELECT * FROM jobs WHERE job_id = ?", (job_id,)).fetchone()
        parts = db.execute("SELECT * FROM parts WHERE job_id = ? ORDER BY part",
                           (job_id,)).fetchall()
    finally:
        db.close()
    if job is None:
        return {"statusCode": 404, "headers": {"content-type": "application/json"},
                "body": json.dumps({"message": f"no job {job_id}"})}
    body = {
        "jobId": job["job_id"], "bucket": job["bucket"], "key": job["object_key"],
        "status": job["status"], "parts": job["parts"], "createdAt": job["created_at"],
        "finishedAt": job["finished_at"],
        "results": [{"part": p["part"], "rendition": p["rendition"], "status": p["status"],
                     "outputKey": p["output_key"], "outputBytes": p["output_bytes"],
                     "error": p["error"], "workerRequestId": p["worker_request"],
                     "attempts": p["attempts"]} for p in parts],
    }
    return {"statusCode": 200, "headers": {"content-type": "application/json"},
            "body": json.dumps(body)}
