-- 018: tenders and admission (issue 12, docs/tenders.md). A tender
-- (aanbesteding) with its phase dates, its lots (percelen) with the
-- catalog products each holds, its quality criteria (weight in percentage
-- points, the weights of a tender sum to 100; a minimum score on the scale
-- 0..10), the questions and answers of the nota van inlichtingen, the
-- registrations (inschrijvingen) per lot with their products and the
-- subcontractors of a combination, the assessors' scores with their
-- motivation, and the decisions on later entry. An applicant's AGB need not
-- be a contracted provider (no foreign key to provider); the contracts an
-- award gives are rows of the contract table, made by the contract service.
-- Dates are ISO text, the award and contract dates of a lot NULL until then.
CREATE TABLE tender (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    publication_date TEXT NOT NULL,
    qa_end TEXT NOT NULL,
    registration_end TEXT NOT NULL,
    assessment_start TEXT NOT NULL,
    assessment_end TEXT NOT NULL,
    award_date TEXT NOT NULL,
    standstill_days INTEGER NOT NULL CHECK (standstill_days >= 20),
    contract_start TEXT NOT NULL,
    contract_end TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE tender_lot (
    id INTEGER PRIMARY KEY,
    tender_id INTEGER NOT NULL REFERENCES tender (id),
    lot TEXT NOT NULL,
    name TEXT NOT NULL,
    awarded_on TEXT,
    awarded_by TEXT,
    contracted_on TEXT,
    UNIQUE (tender_id, lot)
);

CREATE TABLE tender_lot_product (
    lot_id INTEGER NOT NULL REFERENCES tender_lot (id),
    product TEXT NOT NULL,
    PRIMARY KEY (lot_id, product)
);

CREATE TABLE tender_criterion (
    id INTEGER PRIMARY KEY,
    tender_id INTEGER NOT NULL REFERENCES tender (id),
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    weight INTEGER NOT NULL CHECK (weight >= 1 AND weight <= 100),
    min_score INTEGER NOT NULL CHECK (min_score >= 0 AND min_score <= 10),
    UNIQUE (tender_id, seq)
);

CREATE TABLE tender_question (
    id INTEGER PRIMARY KEY,
    tender_id INTEGER NOT NULL REFERENCES tender (id),
    asked_by TEXT NOT NULL,
    asked_agb TEXT,
    asked_on TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT,
    answered_by TEXT,
    answered_on TEXT
);
CREATE INDEX tender_question_tender ON tender_question (tender_id);

-- round 1: the registration of the tender itself; 2: later entry
-- (toetreding) after the lot's first round was contracted.
CREATE TABLE tender_registration (
    id INTEGER PRIMARY KEY,
    lot_id INTEGER NOT NULL REFERENCES tender_lot (id),
    agb TEXT NOT NULL,
    name TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('instelling', 'vrijgevestigde')),
    round INTEGER NOT NULL CHECK (round IN (1, 2)),
    status TEXT NOT NULL CHECK (status IN ('ingeschreven', 'gegund', 'afgewezen',
                                           'toegelaten', 'geweigerd', 'gecontracteerd')),
    registered_by TEXT NOT NULL,
    registered_on TEXT NOT NULL,
    UNIQUE (lot_id, agb, round)
);
CREATE INDEX tender_registration_agb ON tender_registration (agb);

-- capacity: what the applicant says it can take (clients at a time), NULL
-- when it said nothing
CREATE TABLE tender_registration_product (
    registration_id INTEGER NOT NULL REFERENCES tender_registration (id),
    product TEXT NOT NULL,
    capacity INTEGER CHECK (capacity >= 0),
    PRIMARY KEY (registration_id, product)
);

CREATE TABLE tender_subcontractor (
    registration_id INTEGER NOT NULL REFERENCES tender_registration (id),
    agb TEXT NOT NULL,
    name TEXT NOT NULL,
    PRIMARY KEY (registration_id, agb)
);

-- one score per assessor, registration and criterion (a later score of the
-- same assessor replaces the earlier one; the audit log keeps both)
CREATE TABLE tender_score (
    registration_id INTEGER NOT NULL REFERENCES tender_registration (id),
    criterion_id INTEGER NOT NULL REFERENCES tender_criterion (id),
    assessor TEXT NOT NULL,
    score INTEGER NOT NULL CHECK (score >= 0 AND score <= 10),
    motivation TEXT NOT NULL,
    scored_on TEXT NOT NULL,
    PRIMARY KEY (registration_id, criterion_id, assessor)
);

CREATE TABLE tender_admission (
    registration_id INTEGER PRIMARY KEY REFERENCES tender_registration (id),
    decision TEXT NOT NULL CHECK (decision IN ('toegelaten', 'geweigerd')),
    reason TEXT NOT NULL,
    grounds TEXT NOT NULL,
    decided_by TEXT NOT NULL,
    decided_on TEXT NOT NULL
);
