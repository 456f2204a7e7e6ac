-- 006: the open-debit rule (iJw 9389) is checked per batch scope, not by an
-- index over every line.
--
-- An accepted line lies in its batch's month (9319) and names an assignment
-- of the batch's provider (9338) and municipality (JR05). So every open
-- debit a line can meet lies in a batch with the same provider,
-- municipality and period, and the declaration session reads those when it
-- opens a batch (src/service/declaration.c, debits_load). The unique index
-- over all lines cost some 5 s of a national year's 32 s import
-- (docs/performance.md); this index over the batches costs one entry per
-- batch.
DROP INDEX decl_line_debit;
CREATE INDEX decl_batch_scope ON decl_batch (provider_id, gemeente, period);
