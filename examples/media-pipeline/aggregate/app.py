"""Collects the workers' results: Lambda's destination records, one per finished worker
invocation. on_success is the workers' onSuccess destination, on_failure their onFailure one;
the job is complete when every part has reported, failed when any part failed.

A destination record: {"requestContext": {"requestId", "condition", "approximateInvokeCount",
...}, "requestPayload": what the worker was invoked with, "responsePayload": what it returned
or its error}."""
import json
import os
import sqlite3
from datetime import datetime, timezone

DB_PATH = os.environ["MEDIA_PATH"]


def record_part(record, status):
    request = record["requestPayload"]
    response = record.get("responsePayload") or {}
    context = record["requestContext"]
    error = None
    if status == "failed":
        error = (response.get("errorMessage") if isinstance(response, dict) else str(response)) \
            or context.get("condition")
    db = sqlite3.connect(DB_PATH, timeout=10, isolation_level=None)
    try:
        # One writer at a time: parallel aggregator instances must not both see the job
        # one part short and neither finish it.
        db.execute("BEGIN IMMEDIATE")
        db.execute(
            "INSERT OR REPLACE INTO parts (job_id, part, rendition, status, output_key, "
            "output_bytes, error, worker_request, attempts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (request["jobId"], request["part"], request["rendition"], status,
             response.get("outputKey") if status == "done" else None,
             response.get("outputBytes") if status == "done" else None,
             error, context["requestId"], context.get("approximateInvokeCount", 1)),
        )
        parts, reported, failed = db.execute(
            "SELECT j.parts, count(p.part), coalesce(sum(p.status = 'failed'), 0) "
            "FROM jobs j LEFT JOIN parts p ON p.job_id = j.job_id WHERE j.job_id = ?",
            (request["jobId"],),
        ).fetchone()
        outcome = "processing"
        if reported >= parts:
            outcome = "failed" if failed else "complete"
            db.execute(
                "UPDATE jobs SET status = ?, finished_at = ? WHERE job_id = ?",
                (outcome, datetime.now(timezone.utc).isoformat(timespec="milliseconds"),
                 request["jobId"]),
            )
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise
    finally:
        db.close()
    summary = {"jobId": request["jobId"], "part": request["part"], "status": status,
               "reported": reported, "of": parts, "job": outcome}
    print(json.dumps(summary))
    return summary


def on_success(event, context):
    return record_part(event, "done")


def on_failure(event, context):
    return record_part(event, "failed")
