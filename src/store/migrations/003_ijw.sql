-- 003_ijw.sql: the iJw 3.2 message exchange (src/ijw, src/service/request.c).
-- Written in the SQL subset SQLite and PostgreSQL share. No existing table
-- changes meaning; the iJw identifiers of assignments live beside them.

-- Every message received, known by sender, type and Identificatie (iJw
-- TR056): received again with the same bytes (content_hash) it is answered
-- with the same answer and changes nothing. answer holds the answer as
-- written; it is NULL for a JW325, which is written again from the log row
-- and the stored lines of batch_id. A message that reused an Identificatie
-- with other content is logged with duplicate_of and refused (9056).
CREATE TABLE ijw_inbox (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    sender TEXT NOT NULL,
    receiver TEXT NOT NULL,
    ident TEXT NOT NULL,
    dagtekening TEXT NOT NULL,
    xsd_basis TEXT NOT NULL,
    xsd_bericht TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    duplicate_of INTEGER REFERENCES ijw_inbox (id),
    source TEXT NOT NULL,
    answer_code TEXT,
    answer_ident TEXT,
    answer_date TEXT,
    answer TEXT,
    header_code TEXT,
    decl_code TEXT,
    batch_id INTEGER REFERENCES decl_batch (id),
    decl_number TEXT,
    decl_total_cents INTEGER,
    decl_total_dc TEXT,
    summary TEXT NOT NULL,
    received_at TEXT NOT NULL,
    actor TEXT NOT NULL
);
CREATE UNIQUE INDEX ijw_inbox_ident ON ijw_inbox (sender, code, ident) WHERE duplicate_of IS NULL;

-- Messages the region sends (JW301, JW319): body is the message as written;
-- exported_at is set when it was handed out (ijw export); retour_* record
-- the provider's JW302 / JW320 on it.
CREATE TABLE ijw_outbox (
    id INTEGER PRIMARY KEY,
    code TEXT NOT NULL,
    sender TEXT NOT NULL,
    receiver TEXT NOT NULL,
    ident TEXT NOT NULL UNIQUE,
    dagtekening TEXT NOT NULL,
    body TEXT NOT NULL,
    nrecords INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    exported_at TEXT,
    retour_inbox_id INTEGER REFERENCES ijw_inbox (id),
    retour_codes TEXT,
    retour_at TEXT
);
CREATE INDEX ijw_outbox_pending ON ijw_outbox (code, exported_at);

-- A provider's request: a verzoek om toewijzing (JW315, one per
-- AangevraagdProduct) or om wijziging (JW317), by its ReferentieAanbieder
-- (unique per provider: iJw 9347), and the municipality's decision:
-- toegewezen (a JW301 follows), afgewezen (a JW319 with reden, and
-- woonplaats for the woonplaatsbeginsel), in_onderzoek (a JW319).
-- message: the rule that decided, in Dutch.
CREATE TABLE ijw_verzoek (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('VOT', 'VOW')),
    agb TEXT NOT NULL,
    gemeente TEXT NOT NULL,
    bsn TEXT NOT NULL,
    referentie TEXT NOT NULL,
    inbox_id INTEGER NOT NULL REFERENCES ijw_inbox (id),
    status TEXT NOT NULL CHECK (status IN ('toegewezen', 'afgewezen', 'in_onderzoek')),
    reden TEXT,
    woonplaats TEXT,
    message TEXT NOT NULL,
    referral_id INTEGER REFERENCES referral (id),
    outbox_id INTEGER REFERENCES ijw_outbox (id),
    created_at TEXT NOT NULL,
    UNIQUE (agb, referentie)
);

-- The iJw side of an assignment: its ToewijzingNummer is assignment.id;
-- here the ReferentieAanbieder of the request it answers (sent once, in
-- the first JW301 after the decision: iJw 9359), the RedenWijziging to send
-- with the next JW301, and what the last JW301 said of it (sent_state), so
-- that ijw export knows which clients have news.
CREATE TABLE ijw_toewijzing (
    assignment_id INTEGER PRIMARY KEY REFERENCES assignment (id),
    referentie TEXT,
    referentie_sent INTEGER NOT NULL DEFAULT 0,
    verzoek_id INTEGER REFERENCES ijw_verzoek (id),
    reden TEXT,
    sent_state TEXT,
    sent_outbox_id INTEGER REFERENCES ijw_outbox (id),
    sent_at TEXT
);

-- Name and sex of a client as a provider's message gave them (JW315,
-- JW305, JW307), for the JW301, which must name the client. The region
-- keeps nothing else of it.
CREATE TABLE ijw_client (
    bsn TEXT PRIMARY KEY,
    geslacht TEXT NOT NULL,
    achternaam TEXT NOT NULL,
    voorvoegsel TEXT,
    voorletters TEXT,
    updated_at TEXT NOT NULL
);
