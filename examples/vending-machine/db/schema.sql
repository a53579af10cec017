-- The vending machines' stock and the purchases made at them.
CREATE TABLE slots (
    machine_id  TEXT NOT NULL,
    slot        TEXT NOT NULL,
    product     TEXT NOT NULL,
    price_cents INTEGER NOT NULL,
    stock       INTEGER NOT NULL CHECK (stock >= 0),
    PRIMARY KEY (machine_id, slot)
);

CREATE TABLE orders (
    order_id     TEXT PRIMARY KEY,
    machine_id   TEXT NOT NULL,
    slot         TEXT NOT NULL,
    amount_cents INTEGER NOT NULL,
    status       TEXT NOT NULL,  -- pending | vended | declined | refund-due
    charge_id    TEXT,
    reason       TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL
);
