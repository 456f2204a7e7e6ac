-- 007: which youths have more than one residential assignment (unit 14,
-- etmaal). Only their residential lines can meet another bed in the same
-- night (iJw unit 14, the project's JR09); the declaration session reads
-- this short list once (src/service/declaration.c, beds_load) instead of
-- asking decl_line for every residential line.
CREATE INDEX assignment_bed ON assignment (youth_id, unit) WHERE unit = '14';
