-- Runs once, on the first start of the "orders" database (swb serve, swb invoke or
-- swb resources start); recorded in .swb/resources/orders/swb-state.json.
CREATE TABLE orders (
    id         bigserial   PRIMARY KEY,
    owner      text        NOT NULL,          -- the token's "sub"
    item       text        NOT NULL CHECK (length(item) BETWEEN 1 AND 200),
    quantity   integer     NOT NULL CHECK (quantity BETWEEN 1 AND 1000),
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX orders_owner_id ON orders (owner, id DESC);

INSERT INTO orders (owner, item, quantity) VALUES
    ('alice', 'espresso beans, 1 kg', 2),
    ('bob',   'paper filters', 1);
