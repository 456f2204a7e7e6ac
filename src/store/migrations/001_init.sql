-- 001_init.sql: the first schema of jeugdregio.
-- Written in the SQL subset SQLite and PostgreSQL share. Dates are ISO 8601
-- text (YYYY-MM-DD), months YYYY-MM, money integer eurocents.

CREATE TABLE provider (
    id INTEGER PRIMARY KEY,
    agb TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('instelling', 'vrijgevestigde')),
    created_at TEXT NOT NULL
);

-- A contract: a provider may deliver one product of one lot from start to end.
CREATE TABLE contract (
    id INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES provider (id),
    lot TEXT NOT NULL,
    product TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX contract_provider ON contract (provider_id, product);

CREATE TABLE youth (
    id INTEGER PRIMARY KEY,
    bsn TEXT NOT NULL UNIQUE,
    birth_date TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX youth_gemeente ON youth (gemeente);

CREATE TABLE referral (
    id INTEGER PRIMARY KEY,
    youth_id INTEGER NOT NULL REFERENCES youth (id),
    gemeente TEXT NOT NULL,
    referrer_type TEXT NOT NULL,
    referrer_name TEXT NOT NULL,
    route TEXT NOT NULL,
    budget TEXT,
    product TEXT,
    volume INTEGER,
    result TEXT NOT NULL,
    referral_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'toegewezen', 'afgesloten')),
    created_at TEXT NOT NULL
);
CREATE INDEX referral_youth ON referral (youth_id);

CREATE TABLE quote (
    id INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL REFERENCES referral (id),
    provider_id INTEGER NOT NULL REFERENCES provider (id),
    status TEXT NOT NULL CHECK (status IN ('aangevraagd', 'beantwoord', 'geaccepteerd', 'afgewezen')),
    requested_date TEXT NOT NULL,
    answered_date TEXT,
    months INTEGER,
    total_cents INTEGER,
    plan TEXT,
    reason TEXT,
    assignment_id INTEGER,
    UNIQUE (referral_id, provider_id)
);

CREATE TABLE quote_line (
    quote_id INTEGER NOT NULL REFERENCES quote (id),
    product TEXT NOT NULL,
    centi_hours INTEGER NOT NULL,
    tariff_cents INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    PRIMARY KEY (quote_id, product)
);

-- A toewijzing. is_budget: an aspecific ambulant assignment with a budget in
-- eurocents; otherwise a volume of product in unit. used_* are the running
-- totals of accepted declaration lines (debits minus credits); used_base
-- counts minutes for hour products and etmalen for etmaal products.
CREATE TABLE assignment (
    id INTEGER PRIMARY KEY,
    number TEXT NOT NULL UNIQUE,
    youth_id INTEGER NOT NULL REFERENCES youth (id),
    gemeente TEXT NOT NULL,
    provider_id INTEGER NOT NULL REFERENCES provider (id),
    referral_id INTEGER REFERENCES referral (id),
    quote_id INTEGER,
    category TEXT NOT NULL,
    product TEXT NOT NULL,
    is_budget INTEGER NOT NULL,
    budget_cents INTEGER NOT NULL,
    volume INTEGER NOT NULL,
    unit TEXT NOT NULL,
    frequency TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('actief', 'beeindigd', 'ingetrokken')),
    care_start TEXT,
    care_stop TEXT,
    stop_reason TEXT,
    used_cents INTEGER NOT NULL DEFAULT 0,
    used_base INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
);
CREATE INDEX assignment_youth ON assignment (youth_id);
CREATE INDEX assignment_provider ON assignment (provider_id);

-- Grants, changes and releases of an assignment's budget (the lines
-- themselves are the use).
CREATE TABLE ledger_event (
    id INTEGER PRIMARY KEY,
    assignment_id INTEGER NOT NULL REFERENCES assignment (id),
    event_date TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('toegekend', 'gewijzigd', 'vrijgevallen')),
    cents INTEGER NOT NULL,
    volume INTEGER NOT NULL,
    note TEXT NOT NULL
);
CREATE INDEX ledger_event_assignment ON ledger_event (assignment_id);

-- A declaration batch: one provider, one municipality, one month. Its lines
-- are the decl_line rows first_line..last_line (they are written together).
CREATE TABLE decl_batch (
    id INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES provider (id),
    number TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    period TEXT NOT NULL,
    dagtekening TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    source TEXT NOT NULL,
    received_at TEXT NOT NULL,
    first_line INTEGER,
    last_line INTEGER,
    n_accepted INTEGER NOT NULL DEFAULT 0,
    n_rejected INTEGER NOT NULL DEFAULT 0,
    accepted_cents INTEGER NOT NULL DEFAULT 0,
    UNIQUE (provider_id, number)
);
CREATE INDEX decl_batch_period ON decl_batch (period, gemeente);

-- status: 'A' accepted, 'R' rejected (code says why). credited: an accepted
-- debit that an accepted credit cancelled.
CREATE TABLE decl_line (
    id INTEGER PRIMARY KEY,
    batch_id INTEGER NOT NULL,
    provider_id INTEGER NOT NULL,
    ref TEXT NOT NULL,
    assignment_id INTEGER,
    assignment_number TEXT NOT NULL,
    youth_id INTEGER,
    bsn TEXT NOT NULL,
    category TEXT NOT NULL,
    product TEXT NOT NULL,
    begin_date TEXT NOT NULL,
    end_date TEXT NOT NULL,
    volume INTEGER NOT NULL,
    unit TEXT NOT NULL,
    tariff_cents INTEGER NOT NULL,
    amount_cents INTEGER NOT NULL,
    credit INTEGER NOT NULL,
    credit_ref TEXT,
    status TEXT NOT NULL,
    code TEXT NOT NULL,
    credited INTEGER NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX decl_line_ref ON decl_line (provider_id, ref) WHERE status = 'A';
-- At most one open (accepted, not credited) debit per assignment, product and
-- begin date (iJw 9389). begin_date first: a month's declarations touch one
-- narrow part of the index.
CREATE UNIQUE INDEX decl_line_debit ON decl_line (begin_date, assignment_id, product)
    WHERE status = 'A' AND credit = 0 AND credited = 0;
CREATE INDEX decl_line_bed ON decl_line (youth_id, begin_date) WHERE status = 'A' AND unit = '14';

CREATE TABLE audit (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    detail TEXT NOT NULL
);
CREATE INDEX audit_entity ON audit (entity, entity_id);

CREATE TABLE counter (
    name TEXT PRIMARY KEY,
    value INTEGER NOT NULL
);
