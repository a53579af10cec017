-- Runs once, on the first start of the "saas" database (swb serve, swb invoke or
-- swb resources start); recorded in .swb/resources/saas/swb-state.json.
--
-- One table for every tenant ("pool" model), each row tagged with its tenant, and PostgreSQL's
-- row-level security as the wall between tenants: the function works as the role "tenant_app",
-- with the tenant taken from the caller's token in the setting app.tenant_id, and the policy
-- lets that role see and write only rows of that tenant. A query that forgets its WHERE still
-- cannot read another tenant's rows.

CREATE TABLE projects (
    id         bigserial   PRIMARY KEY,
    tenant_id  text        NOT NULL DEFAULT current_setting('app.tenant_id'),
    name       text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    created_by text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX projects_tenant_id ON projects (tenant_id, id DESC);

ALTER TABLE projects ENABLE ROW LEVEL SECURITY;
-- current_setting(..., true) is NULL when no tenant was set: then no row matches.
CREATE POLICY tenant_isolation ON projects
    USING (tenant_id = current_setting('app.tenant_id', true))
    WITH CHECK (tenant_id = current_setting('app.tenant_id', true));

-- The role the function switches to (SET LOCAL ROLE) for every request. It cannot log in, owns
-- nothing and is not a superuser, so the policy applies to it (superusers and table owners
-- bypass row-level security).
DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tenant_app') THEN
        CREATE ROLE tenant_app NOLOGIN;
    END IF;
END
$$;
GRANT SELECT, INSERT, UPDATE, DELETE ON projects TO tenant_app;
GRANT USAGE ON SEQUENCE projects_id_seq TO tenant_app;

-- Sample rows of two tenants (seeds run as the database owner, which bypasses the policy).
INSERT INTO projects (tenant_id, name, created_by) VALUES
    ('acme',   'Rocket skates',       'wile'),
    ('acme',   'Giant magnet',        'wile'),
    ('globex', 'Hammock district',    'hank');
