// The product's terms (levels, roles, kinds, scope), defined once for the worker, the staff app and the phone pages.

/** Unit levels, top down; districts exist only before the 2025 reform. */
export const LEVELS = ["central", "province", "district", "commune"] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_RANK: Record<Level, number> = { central: 0, province: 1, district: 2, commune: 3 };

export const ROLES = ["admin", "organiser", "inspector", "leader"] as const;
export type Role = (typeof ROLES)[number];
/** Who may create and run events. */
export const ORGANISERS = ["admin", "organiser"] as const satisfies readonly Role[];

export const EVENT_KINDS = ["class", "workshop", "survey"] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const QUESTION_TYPES = ["rating", "choice", "multi", "text", "unit"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** Who filled in a survey response. */
export const RESPONDENT_ROLES = ["trainee", "lecturer"] as const;
export type RespondentRole = (typeof RESPONDENT_ROLES)[number];

export const TRAINEE_CATEGORIES = ["branch_head", "commune_chair", "full_time_officer", "mixed"] as const;
export type TraineeCategory = (typeof TRAINEE_CATEGORIES)[number];

/** Below this many responses no distribution, comment, breakdown or raw answer is shown anywhere. */
export const MIN_RESPONSES_FOR_DETAIL = 5;

/** Scope rule: a unit at `path` lies in the subtree rooted at `scopePath` (both '/1/4/'-style). */
export function inScope(path: string, scopePath: string): boolean {
  return path.startsWith(scopePath);
}

/**
 * What a staff member sees: their unit's subtree in today's tree, or, once their unit was merged
 * or dissolved, the subtree it had then (never the successor's, which is someone else's).
 */
export interface Scope {
  tree: "now" | "then";
  path: string;
}

export const scopeOf = (user: StaffUser): Scope => ({ tree: user.scopeTree, path: user.unitPath });

/** Whether a unit (or an event at it) lies inside the caller's scope. */
export function canSee(user: StaffUser, place: { nowPath: string; thenPath: string }): boolean {
  return inScope(user.scopeTree === "then" ? place.thenPath : place.nowPath, user.unitPath);
}

/** The signed-in staff member every staff service is called on behalf of. */
export interface StaffUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  unitId: number;
  /** Their unit's path in the tree of their scope: everything under it is theirs to see. */
  unitPath: string;
  /** "now" while their unit exists; "then" once it was merged or dissolved (see `canSee`). */
  scopeTree: "now" | "then";
  /** Their unit was merged or dissolved: an admin should move the account. */
  unitMerged: boolean;
}
