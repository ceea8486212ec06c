// What a staff password must be, and how long a set-password link lasts.
import type { MessageKey } from "./i18n";
import { DAY_MS } from "./time";

export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
/** A set-password link works once, for three days (time to reach someone by Zalo). */
export const LINK_MS = 3 * DAY_MS;

// The passwords tried first by anyone guessing, in Vietnam and everywhere (lower case, compared whole).
const COMMON = new Set([
  "1234567890",
  "0123456789",
  "12345678910",
  "1234512345",
  "1111111111",
  "0000000000",
  "1234567899",
  "9876543210",
  "qwertyuiop",
  "password123",
  "password1234",
  "matkhau123",
  "matkhau1234",
  "iloveyou123",
  "abc1234567",
  "abcd123456",
  "a123456789",
  "123456789a",
  "1q2w3e4r5t",
  "qwerty1234",
  "vietnam123",
  "hanoi12345",
  "hoilhpn123",
  "phunu12345",
  "gopy123456",
  "admin12345",
  "administrator",
]);

/** Why a new password would not do, as a message key; null when it is fine. */
export function passwordProblem(password: string, email: string): MessageKey | null {
  if (password.length < PASSWORD_MIN) return "field.password_short";
  if (password.length > PASSWORD_MAX) return "field.too_long";
  const lower = password.toLowerCase();
  const name = email.toLowerCase().split("@")[0] ?? "";
  if (lower === email.toLowerCase() || (name.length >= 4 && lower.includes(name))) {
    return "field.password_email";
  }
  if (COMMON.has(lower) || /^(.)\1+$/.test(password)) return "field.password_common";
  return null;
}
