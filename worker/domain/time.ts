// Vietnam time (UTC+7, no daylight saving): how months, days and shown times are cut everywhere.

export const VIETNAM_OFFSET_MS = 7 * 3600_000;
export const DAY_MS = 86400_000;
export const VIETNAM_TZ = "Asia/Ho_Chi_Minh";

/** The instant shifted so that its UTC fields read as the wall clock in Vietnam. */
const local = (at: Date | string) => new Date(new Date(at).getTime() + VIETNAM_OFFSET_MS).toISOString();

/** 'YYYY-MM' of an instant in Vietnam. */
export const vietnamMonth = (at: Date | string): string => local(at).slice(0, 7);

/** 'YYYY-MM-DD' of an instant in Vietnam. */
export const vietnamDay = (at: Date | string): string => local(at).slice(0, 10);

/** 'YYYY-MM-DDTHH:MM' in Vietnam, as a datetime-local input shows it. */
export const vietnamMinute = (at: Date | string): string => local(at).slice(0, 16);

/** The instant of a 'YYYY-MM-DDTHH:MM' wall-clock time in Vietnam. */
export const fromVietnamMinute = (wall: string): string => new Date(`${wall}:00+07:00`).toISOString();
