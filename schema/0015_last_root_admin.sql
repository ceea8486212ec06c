-- The centre always keeps an active admin who can sign in. A role change, deactivation, move or
-- new link that would leave the root unit with no active admin holding a password aborts the
-- write itself, so two admins demoting each other at the same moment cannot both succeed.
CREATE TRIGGER users_keep_root_admin
AFTER UPDATE OF role, active, unit_id, password_hash ON users
WHEN OLD.role = 'admin' AND OLD.active = 1 AND OLD.password_hash <> ''
  AND (SELECT parent_id FROM units WHERE id = OLD.unit_id) IS NULL
  AND NOT EXISTS (
    SELECT 1 FROM users u JOIN units un ON un.id = u.unit_id
    WHERE u.role = 'admin' AND u.active = 1 AND u.password_hash <> '' AND un.parent_id IS NULL
  )
BEGIN
  SELECT RAISE(ABORT, 'last_root_admin');
END;
