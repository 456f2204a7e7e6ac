-- 021: contract management (issue 12, docs/contract-management.md): the
-- municipality scope of a contract, each provider's contract manager, the
-- provider's contact details and reported waiting times (the provider
-- directory), and the provider file's complaints, escalations with their
-- protocol steps, and notes. Dates are ISO 8601 TEXT, timestamps the
-- store's ISO UTC ones; the contract table itself is unchanged.

-- The municipalities (CBS codes of the region) a contract is for. No row
-- for a contract: every municipality of the region.
CREATE TABLE contract_gemeente (
    contract_id INTEGER NOT NULL REFERENCES contract (id),
    gemeente TEXT NOT NULL CHECK (length(gemeente) = 4),
    PRIMARY KEY (contract_id, gemeente)
);

-- The provider's contract manager: one user of role rsj per provider.
CREATE TABLE provider_manager (
    provider_id INTEGER PRIMARY KEY REFERENCES provider (id),
    user_id INTEGER NOT NULL REFERENCES app_user (id),
    assigned_by TEXT NOT NULL,
    assigned_at TEXT NOT NULL
);
CREATE INDEX provider_manager_user ON provider_manager (user_id);

-- The provider's business contact details for referrers (no person's).
CREATE TABLE provider_details (
    provider_id INTEGER PRIMARY KEY REFERENCES provider (id),
    address TEXT NOT NULL,
    postcode TEXT NOT NULL,
    place TEXT NOT NULL,
    phone TEXT NOT NULL,
    email TEXT NOT NULL,
    website TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

-- Waiting times as the provider reports them: weeks on a date; the newest
-- report (by reported_on, then id) is the one shown.
CREATE TABLE provider_waiting (
    id INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES provider (id),
    weeks INTEGER NOT NULL CHECK (weeks >= 0 AND weeks <= 104),
    reported_on TEXT NOT NULL,
    reported_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX provider_waiting_provider ON provider_waiting (provider_id, reported_on);

-- A complaint (klacht) about a provider: when, from whom (a kind of
-- complainant, never a name), the subject, how it is handled, closed when.
CREATE TABLE provider_complaint (
    id INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES provider (id),
    received_on TEXT NOT NULL,
    complainant TEXT NOT NULL CHECK (complainant IN ('jeugdige', 'ouder', 'verwijzer',
        'gemeente', 'medewerker', 'anders')),
    subject TEXT NOT NULL,
    handling TEXT NOT NULL,
    closed_on TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX provider_complaint_provider ON provider_complaint (provider_id);

-- An escalation of a provider (financial trouble or quality concerns) and
-- its protocol steps, one row per step taken (domain/contract_mgmt.h).
CREATE TABLE provider_escalation (
    id INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES provider (id),
    kind TEXT NOT NULL CHECK (kind IN ('financieel', 'kwaliteit')),
    reason TEXT NOT NULL,
    step TEXT NOT NULL CHECK (step IN ('signaal', 'gesprek', 'verbeterplan', 'maatregel',
        'afgesloten')),
    step_on TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX provider_escalation_provider ON provider_escalation (provider_id);
CREATE TABLE provider_escalation_step (
    escalation_id INTEGER NOT NULL REFERENCES provider_escalation (id),
    step TEXT NOT NULL CHECK (step IN ('signaal', 'gesprek', 'verbeterplan', 'maatregel',
        'afgesloten')),
    step_on TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    PRIMARY KEY (escalation_id, step)
);

-- Notes in the provider file.
CREATE TABLE provider_note (
    id INTEGER PRIMARY KEY,
    provider_id INTEGER NOT NULL REFERENCES provider (id),
    note_on TEXT NOT NULL,
    text TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX provider_note_provider ON provider_note (provider_id);
