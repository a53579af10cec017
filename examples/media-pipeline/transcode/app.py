"""One rendition of an uploaded video: the parallel worker of the pipeline.

Invoked asynchronously by split. What it returns goes to its onSuccess destination (the
aggregate function); when it raises, the invocation fails and, after maximumRetryAttempts
retries, Lambda's destination record goes to onFailure (record-failure).

The transcoding itself is simulated (this example has no encoder): it derives the output's
name and size from the input. A source whose name contains "corrupt" cannot be encoded in
1080p, which is how the example shows the failure path."""
import hashlib
import json

# Output size relative to the source, by rendition.
SCALE = {"thumbnail": 0.002, "480p": 0.18, "720p": 0.35, "1080p": 0.62}


class EncodingError(Exception):
    pass


def handler(event, context):
    rendition = event["rendition"]
    key = event["key"]
    if rendition not in SCALE:
        raise EncodingError(f"unknown rendition {rendition}")
    if "corrupt" in key and rendition == "1080p":
        raise EncodingError(f"{key}: the 1080p encoder found a damaged frame")
    # Stand-in for the encoder's work: a digest of the request.
    digest = hashlib.sha256(json.dumps(event, sort_keys=True).encode()).hexdigest()[:12]
    stem = key.rsplit(".", 1)[0]
    extension = "jpg" if rendition == "thumbnail" else "mp4"
    result = {
        "jobId": event["jobId"],
        "part": event["part"],
        "rendition": rendition,
        "outputKey": f"renditions/{rendition}/{stem}-{digest}.{extension}",
        "outputBytes": max(1, int(event.get("size", 0) * SCALE[rendition])),
    }
    print(json.dumps(result))
    return result
