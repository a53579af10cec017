-- The media pipeline's bookkeeping: one job per uploaded object, one part per rendition.
CREATE TABLE jobs (
    job_id      TEXT PRIMARY KEY,
    bucket      TEXT NOT NULL,
    object_key  TEXT NOT NULL,
    size_bytes  INTEGER NOT NULL,
    parts       INTEGER NOT NULL,
    status      TEXT NOT NULL,      -- processing | complete | failed
    created_at  TEXT NOT NULL,
    finished_at TEXT
);

-- Written by the aggregator from the workers' destination records.
CREATE TABLE parts (
    job_id         TEXT NOT NULL REFERENCES jobs (job_id),
    part           INTEGER NOT NULL,
    rendition      TEXT NOT NULL,
    status         TEXT NOT NULL,   -- done | failed
    output_key     TEXT,
    output_bytes   INTEGER,
    error          TEXT,
    worker_request TEXT NOT NULL,   -- the worker invocation's request id
    attempts       INTEGER NOT NULL,
    PRIMARY KEY (job_id, part)
);
