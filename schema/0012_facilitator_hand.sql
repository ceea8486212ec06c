-- A facilitator's hand on the board.
-- The proposals a person placed in a group teach it, and are read for every new proposal of the
-- workshop, so they are found without reading the others.
CREATE INDEX proposals_taught ON proposals (event_id, group_id) WHERE group_locked = 1 AND duplicate_of IS NULL AND hidden = 0;
-- 1 once a person wrote or chose the words a proposal is shown with; until then a merge shows
-- the best-written words of its family.
ALTER TABLE proposals ADD COLUMN text_by_person INTEGER NOT NULL DEFAULT 0;
