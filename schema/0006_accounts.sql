-- Staff accounts run from the app: deactivation, last sign-in, and one-time links to set a password.

-- A deactivated account cannot sign in and its sessions are ended in the same batch.
ALTER TABLE users ADD COLUMN active INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN last_sign_in_at TEXT;

-- A link an admin sends (by Zalo, say) so a person sets their own password. Only the SHA-256
-- of its token is kept; it works once, until expires_at.
CREATE TABLE password_links (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES users (id),
  created_by INTEGER REFERENCES users (id),
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT
) WITHOUT ROWID;

CREATE INDEX password_links_user ON password_links (user_id);
CREATE INDEX users_unit ON users (unit_id);
