-- 010: the exchange and care services own their data (issue 10). Written in
-- the SQL subset SQLite and PostgreSQL share.

-- The decision a JW319 antwoord says, kept when the request is decided; the
-- message is written from it when ijw export hands it out (the outbox row,
-- with its Identificatie and Dagtekening, is made at the decision, its body
-- when it is exported). antwoord is the VerzoekAntwoord: 1 afgewezen (with
-- reden, an iJw RedenAfwijzingVerzoek, and woonplaats for the
-- woonplaatsbeginsel), 2 in onderzoek.
CREATE TABLE ijw_antwoord (
    outbox_id INTEGER PRIMARY KEY REFERENCES ijw_outbox (id),
    verzoek_id INTEGER NOT NULL REFERENCES ijw_verzoek (id),
    antwoord TEXT NOT NULL CHECK (antwoord IN ('1', '2')),
    reden TEXT,
    woonplaats TEXT,
    referentie TEXT NOT NULL
);

-- The iJw RedenWijziging an assignment was changed with, as data (the next
-- JW301 sends it); before 010 it stood only in the note ("reden 12: ...").
ALTER TABLE ledger_event ADD COLUMN reason TEXT;
UPDATE ledger_event SET reason = substr(note, 7, 2)
    WHERE kind = 'gewijzigd' AND note LIKE 'reden __:%';

-- The stop history belongs to the care service (every door records it, not
-- only the JW307): the table of 005 under the care service's name.
ALTER TABLE ijw_stop RENAME TO stop_history;
DROP INDEX ijw_stop_key;
CREATE INDEX stop_history_key ON stop_history (assignment_id, begin_date);
