-- Runs once, on the first start of the "app" database (swb serve, swb invoke or
-- swb resources start); recorded in .swb/resources/app/swb-state.json.
CREATE TABLE profiles (
    user_id      text        PRIMARY KEY,          -- the token's "sub"
    display_name text        NOT NULL CHECK (length(display_name) BETWEEN 1 AND 80),
    bio          text        NOT NULL DEFAULT '' CHECK (length(bio) <= 500),
    updated_at   timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE notes (
    id         bigserial   PRIMARY KEY,
    user_id    text        NOT NULL,
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body       text        NOT NULL DEFAULT '' CHECK (length(body) <= 10000),
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notes_user_updated ON notes (user_id, updated_at DESC);

INSERT INTO profiles (user_id, display_name, bio) VALUES ('ada', 'Ada', 'Writes notes on trains.');
INSERT INTO notes (user_id, title, body) VALUES
    ('ada', 'Groceries', 'lemons, rice, coffee'),
    ('ada', 'Ideas',     'a notes app that works offline');
