-- 019: framework agreements (raamovereenkomst) per lot, their yearly change
-- procedure (wijzigingsprocedure) and the transformation covenant
-- (transformatieconvenant) (issue 12, docs/framework.md). Dates are ISO
-- text (YYYY-MM-DD), moments ISO 8601 UTC. The contract table (001) is not
-- changed: a contract hangs under an agreement through framework_contract.
CREATE TABLE framework_agreement (
    id INTEGER PRIMARY KEY,
    lot TEXT NOT NULL,
    name TEXT NOT NULL,
    start_date TEXT NOT NULL,
    initial_end_date TEXT NOT NULL CHECK (initial_end_date >= start_date),
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX framework_agreement_lot ON framework_agreement (lot, start_date);

-- Each extension takes effect the day after the end it extends (the
-- service checks that) and adds months; seq orders them (1, 2, ...).
CREATE TABLE framework_extension (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES framework_agreement (id),
    seq INTEGER NOT NULL CHECK (seq >= 1),
    effective_date TEXT NOT NULL,
    months INTEGER NOT NULL CHECK (months >= 1 AND months <= 120),
    note TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    UNIQUE (agreement_id, seq),
    UNIQUE (agreement_id, effective_date)
);

-- An evaluation moment: planned on a date; held_date and outcome once held.
CREATE TABLE framework_evaluation (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES framework_agreement (id),
    planned_date TEXT NOT NULL,
    subject TEXT NOT NULL,
    held_date TEXT,
    outcome TEXT,
    CHECK ((held_date IS NULL) = (outcome IS NULL))
);
CREATE INDEX framework_evaluation_agreement ON framework_evaluation (agreement_id, planned_date);

-- The contracts under an agreement: a contract under one agreement at most.
CREATE TABLE framework_contract (
    contract_id INTEGER PRIMARY KEY REFERENCES contract (id),
    agreement_id INTEGER NOT NULL REFERENCES framework_agreement (id),
    linked_by TEXT NOT NULL,
    linked_at TEXT NOT NULL
);
CREATE INDEX framework_contract_agreement ON framework_contract (agreement_id, contract_id);

-- A change proposal. proposer_kind with proposer (a CBS code, an AGB code,
-- or '' for the rsj); target_end is the agreement's end date when it was
-- submitted, effect_date the extension date it takes effect on (the day
-- after). outcome and reason once decided.
CREATE TABLE framework_proposal (
    id INTEGER PRIMARY KEY,
    agreement_id INTEGER NOT NULL REFERENCES framework_agreement (id),
    proposer_kind TEXT NOT NULL CHECK (proposer_kind IN ('gemeente', 'rsj', 'aanbieder')),
    proposer TEXT NOT NULL,
    submitted_date TEXT NOT NULL,
    target_end TEXT NOT NULL,
    effect_date TEXT NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL,
    effect_youth TEXT NOT NULL,
    effect_contractor TEXT NOT NULL,
    effect_client TEXT NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('ingediend', 'in_bespreking', 'besloten', 'in_werking')),
    outcome TEXT CHECK (outcome IN ('aangenomen', 'afgewezen')),
    reason TEXT,
    created_by TEXT NOT NULL
);
CREATE INDEX framework_proposal_agreement ON framework_proposal (agreement_id, id);

-- The history of a proposal: every state it took, on which day, by whom.
CREATE TABLE framework_proposal_event (
    id INTEGER PRIMARY KEY,
    proposal_id INTEGER NOT NULL REFERENCES framework_proposal (id),
    state TEXT NOT NULL,
    event_date TEXT NOT NULL,
    actor TEXT NOT NULL,
    note TEXT NOT NULL,
    at TEXT NOT NULL
);
CREATE INDEX framework_proposal_event_proposal ON framework_proposal_event (proposal_id, id);

CREATE TABLE covenant (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    signed_date TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE TABLE covenant_lot (
    covenant_id INTEGER NOT NULL REFERENCES covenant (id),
    lot TEXT NOT NULL,
    PRIMARY KEY (covenant_id, lot)
);
-- An agreement (afspraak) of a covenant.
CREATE TABLE covenant_commitment (
    id INTEGER PRIMARY KEY,
    covenant_id INTEGER NOT NULL REFERENCES covenant (id),
    title TEXT NOT NULL,
    description TEXT NOT NULL
);
-- The status of a commitment for one provider, as a history: the newest
-- (by status_date, then id) is the current one.
CREATE TABLE covenant_status (
    id INTEGER PRIMARY KEY,
    commitment_id INTEGER NOT NULL REFERENCES covenant_commitment (id),
    agb TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('afgesproken', 'in_uitvoering', 'gerealiseerd',
                                           'niet_gerealiseerd')),
    status_date TEXT NOT NULL,
    note TEXT NOT NULL,
    recorded_by TEXT NOT NULL,
    recorded_at TEXT NOT NULL
);
CREATE INDEX covenant_status_commitment ON covenant_status (commitment_id, agb, status_date, id);
