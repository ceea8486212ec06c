-- The highest paper-sheet serial printed for an event: printing goes on after it (and after the
-- highest typed in), so a second batch never repeats a serial already on paper.
ALTER TABLE events ADD COLUMN paper_printed_to INTEGER NOT NULL DEFAULT 0;
