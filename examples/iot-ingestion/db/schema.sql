-- The telemetry database: registered devices and the readings they sent.
CREATE TABLE devices (
    device_id     TEXT PRIMARY KEY,
    kind          TEXT NOT NULL,
    location      TEXT,
    registered_at TEXT NOT NULL
);

-- message_id is SQS's: a message delivered twice (at-least-once) is stored once.
CREATE TABLE readings (
    message_id  TEXT PRIMARY KEY,
    device_id   TEXT NOT NULL REFERENCES devices (device_id),
    measured_at INTEGER NOT NULL,
    temperature REAL NOT NULL,
    humidity    REAL
);

CREATE INDEX readings_by_device ON readings (device_id, measured_at);
