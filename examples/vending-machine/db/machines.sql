-- Two machines in an office building.
INSERT INTO slots (machine_id, slot, product, price_cents, stock) VALUES
    ('lobby-1', 'A1', 'sparkling water', 150, 6),
    ('lobby-1', 'A2', 'salted crisps', 200, 3),
    ('lobby-1', 'B1', 'dark chocolate', 180, 0),
    ('floor3-2', 'A1', 'cold brew coffee', 350, 4),
    ('floor3-2', 'A2', 'apple', 90, 10);
