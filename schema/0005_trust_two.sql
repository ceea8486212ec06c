-- Trust, round two: limits that hold under parallel requests, and sign-in failures per email and address.

-- Each counter carries its ceiling; a write that would take it past aborts its whole batch, so
-- parallel requests can never pass a limit between reading it and writing. NULL: no ceiling.
ALTER TABLE rate_counters ADD COLUMN cap INTEGER;

CREATE TRIGGER rate_counters_cap_insert BEFORE INSERT ON rate_counters
WHEN NEW.cap IS NOT NULL AND NEW.n > NEW.cap
BEGIN
  SELECT RAISE(ABORT, 'rate_limit_reached');
END;

CREATE TRIGGER rate_counters_cap_update BEFORE UPDATE OF n ON rate_counters
WHEN NEW.cap IS NOT NULL AND NEW.n > NEW.cap
BEGIN
  SELECT RAISE(ABORT, 'rate_limit_reached');
END;

-- Failed sign-ins, counted per email and address pair ('p:<email>|<address>'), per address
-- ('a:<address>') and per email ('e:<email>'). A pair or an address locks; an email alone never
-- does, so a stranger cannot lock anyone out from elsewhere. login_failures is no longer used.
CREATE TABLE sign_in_failures (
  key TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  last_at TEXT NOT NULL,
  locked_until TEXT
) WITHOUT ROWID;
