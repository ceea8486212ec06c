-- Workshops: delegates' proposals, supports per phone, groups (automatic and manual), follow-up, vocabulary.
ALTER TABLE events ADD COLUMN question TEXT;

CREATE TABLE proposal_groups (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  -- Theme key or "kw:<term>" for automatic groups; NULL for groups a facilitator made.
  key TEXT,
  -- Set when a facilitator named or renamed the group; automatic regrouping never changes it.
  label TEXT,
  manual INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL
);
CREATE INDEX proposal_groups_event ON proposal_groups(event_id);
CREATE UNIQUE INDEX proposal_groups_key ON proposal_groups(event_id, key) WHERE key IS NOT NULL;

CREATE TABLE proposals (
  id INTEGER PRIMARY KEY,
  event_id INTEGER NOT NULL REFERENCES events(id),
  client_id TEXT NOT NULL,
  body_hash TEXT NOT NULL,
  text TEXT NOT NULL,
  -- The delegate's own words, kept when a facilitator corrects a typo.
  original_text TEXT,
  -- The delegate's choice; NULL when they were not sure (suggested_addressee is shown instead).
  addressee TEXT CHECK (addressee IN ('party_committee', 'authorities', 'union', 'officers')),
  suggested_addressee TEXT NOT NULL CHECK (suggested_addressee IN ('party_committee', 'authorities', 'union', 'officers')),
  author_name TEXT,
  author_unit TEXT,
  hidden INTEGER NOT NULL DEFAULT 0,
  hidden_reason TEXT,
  duplicate_of INTEGER REFERENCES proposals(id),
  group_id INTEGER REFERENCES proposal_groups(id),
  -- 1 once a facilitator placed it: automatic regrouping leaves it where it is.
  group_locked INTEGER NOT NULL DEFAULT 0,
  -- Unique phones supporting it (and, for a merged proposal, any of its originals).
  support_count INTEGER NOT NULL DEFAULT 0,
  follow_status TEXT CHECK (follow_status IN ('received', 'accepted', 'in_progress', 'done', 'declined')),
  follow_note TEXT,
  follow_unit_id INTEGER REFERENCES units(id),
  follow_updated_at TEXT,
  created_at TEXT NOT NULL,
  UNIQUE (event_id, client_id)
);
CREATE INDEX proposals_event ON proposals(event_id, id);
CREATE INDEX proposals_duplicate ON proposals(duplicate_of) WHERE duplicate_of IS NOT NULL;

CREATE TABLE supports (
  proposal_id INTEGER NOT NULL REFERENCES proposals(id),
  client_id TEXT NOT NULL,
  created_at TEXT NOT NULL,
  PRIMARY KEY (proposal_id, client_id)
) WITHOUT ROWID;

-- Suggested duplicate pairs a facilitator said were not duplicates (a_id < b_id).
CREATE TABLE duplicate_dismissals (
  event_id INTEGER NOT NULL REFERENCES events(id),
  a_id INTEGER NOT NULL,
  b_id INTEGER NOT NULL,
  PRIMARY KEY (event_id, a_id, b_id)
) WITHOUT ROWID;

-- Phrases organisers add to a theme; they apply to events of their unit and below.
CREATE TABLE vocabulary_terms (
  id INTEGER PRIMARY KEY,
  unit_id INTEGER NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL CHECK (kind IN ('proposal', 'comment')),
  topic TEXT NOT NULL,
  phrase TEXT NOT NULL,
  created_by INTEGER REFERENCES users(id),
  created_at TEXT NOT NULL,
  UNIQUE (unit_id, kind, topic, phrase)
);
