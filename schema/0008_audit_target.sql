-- The audit log names what an action was done to when the path alone does not (an account's email,
-- a template's title), so an admin reads "Đổi tài khoản: chi.lan@…" rather than a number.
ALTER TABLE audit_log ADD COLUMN target TEXT;
