"""Starts a job for each uploaded object and fans it out: one asynchronous invocation of the
transcode worker per rendition, through the Lambda Invoke API (InvocationType Event).

S3 invokes this function asynchronously with an ObjectCreated notification. Locally, swb serve
gives the function AWS_ENDPOINT_URL_LAMBDA, the same variable the AWS SDKs read, so this code
calls the local Invoke API there and the real one in the cloud (where an SDK would sign the
call; this example keeps to the standard library)."""
import hashlib
import json
import os
import sqlite3
import urllib.parse
import urllib.request
from datetime import datetime, timezone

DB_PATH = os.environ["MEDIA_PATH"]
LAMBDA = os.environ.get("AWS_ENDPOINT_URL_LAMBDA",
                        f"https://lambda.{os.environ.get('AWS_REGION', 'us-east-1')}.amazonaws.com")
WORKER = os.environ.get("WORKER_FUNCTION", "transcode")
RENDITIONS = [r for r in os.environ.get("RENDITIONS", "thumbnail,480p,720p,1080p").split(",") if r]


def invoke_async(function, payload):
    """Lambda's Invoke with InvocationType Event: 202 once queued, the result goes to the
    worker's destinations."""
    request = urllib.request.Request(
        f"{LAMBDA}/2015-03-31/functions/{urllib.parse.quote(function)}/invocations",
        data=json.dumps(payload).encode(),
        headers={"X-Amz-Invocation-Type": "Event", "Content-Type": "application/json"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=5) as response:
        if response.status != 202:
            raise RuntimeError(f"Invoke {function} answered {response.status}")


def start_job(record):
    s3 = record["s3"]
    bucket = s3["bucket"]["name"]
    # S3 sends keys URL-encoded, spaces as "+".
    key = urllib.parse.unquote_plus(s3["object"]["key"])
    size = int(s3["object"].get("size", 0))
    # The sequencer orders events of one key: a re-upload is a new job, a redelivered
    # notification the same one.
    marker = s3["object"].get("sequencer") or s3["object"].get("eTag", "")
    job_id = hashlib.sha256(f"{bucket}/{key}#{marker}".encode()).hexdigest()[:16]
    now = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
    with sqlite3.connect(DB_PATH, timeout=10) as db:
        created = db.execute(
            "INSERT OR IGNORE INTO jobs (job_id, bucket, object_key, size_bytes, parts, status, "
            "created_at) VALUES (?, ?, ?, ?, ?, 'processing', ?)",
            (job_id, bucket, key, size, len(RENDITIONS), now),
        ).rowcount == 1
    if created:
        for part, rendition in enumerate(RENDITIONS):
            invoke_async(WORKER, {"jobId": job_id, "bucket": bucket, "key": key, "size": size,
                                  "rendition": rendition, "part": part,
                                  "parts": len(RENDITIONS)})
    print(json.dumps({"jobId": job_id, "key": key, "parts": len(RENDITIONS),
                      "fannedOut": created}))
    return {"jobId": job_id, "key": key, "parts": len(RENDITIONS)}


def handler(event, context):
    jobs = [start_job(r) for r in event.get("Records", [])
            if r.get("eventSource") == "aws:s3" and r.get("eventName", "").startswith("ObjectCreated")]
    return {"jobs": jobs}
