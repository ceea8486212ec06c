// The one Database interface Kysely checks every query against; mirrors schema/*.sql.
import type { Generated } from "kysely";
import type { Counts } from "../domain/criteria";
import type { Addressee, FollowStatus } from "../domain/proposal";

import type { EventKind, Level, QuestionType, RespondentRole, Role } from "../domain/terms";

export type { EventKind, Level, QuestionType, RespondentRole, Role } from "../domain/terms";

import type { Position } from "../domain/people";

export interface UnitsTable {
  id: Generated<number>;
  code: string;
  name: string;
  level: Level;
  parent_id: number | null;
  /** Place in the tree at the time ('/1/4/9/'); TypeScript calls it `thenPath`. */
  path: string;
  valid_from: string | null;
  valid_to: string | null;
  successor_id: number | null;
  active: Generated<number>;
  now_parent_id: number | null;
  /** Place in today's tree, merged units folded into their successors (scope); `nowPath` in TypeScript. */
  now_path: string;
  /** Folded copy of the searched columns, kept by triggers (schema/0021): see searchPattern. */
  search: Generated<string>;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  name: Generated<string>;
  password_hash: string;
  role: Role;
  unit_id: number;
  created_at: string;
  /** 0: deactivated, cannot sign in. */
  active: Generated<number>;
  last_sign_in_at: string | null;
  /** Folded copy of the searched columns, kept by triggers (schema/0021): see searchPattern. */
  search: Generated<string>;
}

/** One-time links to set a password (only the token's hash is kept). */
export interface PasswordLinksTable {
  token_hash: string;
  user_id: number;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** A unit's survey template (questions as JSON); classes copy it, so edits only bump the version. */
export interface TemplatesTable {
  id: Generated<number>;
  unit_id: number;
  title: string;
  questions: string;
  version: Generated<number>;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  expires_at: string;
  created_at: string;
}

export interface FormsTable {
  id: Generated<number>;
  title: string;
  version: Generated<number>;
  previous_id: number | null;
  created_at: string;
}

export interface QuestionsTable {
  id: Generated<number>;
  form_id: number;
  position: number;
  type: QuestionType;
  criterion: string | null;
  label_vi: string;
  label_en: string;
  required: number;
  options: string | null;
  max_length: number | null;
  min_choices: number | null;
  max_choices: number | null;
}

export interface EventsTable {
  id: Generated<number>;
  code: string;
  kind: EventKind;
  title: string;
  unit_id: number;
  starts_at: string;
  ends_at: string;
  closes_at: string;
  expected_participants: number;
  lecturers: Generated<string>;
  trainee_category: string | null;
  form_id: number | null;
  status: Generated<"open" | "closed">;
  closed_at: string | null;
  /** Counted entries: a class's responses (too-fast ones aside), a workshop's proposals. */
  response_count: Generated<number>;
  created_by: number | null;
  created_at: string;
  question: string | null;
  programme_id: number | null;
  fast_count: Generated<number>;
  /** Of response_count, the responses typed in from paper sheets. */
  paper_count: Generated<number>;
  /** Of response_count, the lecturers' responses (reported beside the trainees', never in their scores). */
  lecturer_count: Generated<number>;
  /** The template the form was copied from, if any. */
  template_id: number | null;
  /** 1 when the facilitator shares this workshop's lessons with the units above hers. */
  share_lessons: Generated<number>;
  /** The highest paper-sheet serial printed. */
  paper_printed_to: Generated<number>;
  /** The class's length in days (migration 0022). */
  days: Generated<number>;
  /** Folded copy of the searched columns, kept by triggers (schema/0021): see searchPattern. */
  search: Generated<string>;
}

export interface ProgrammesTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  starts_on: string;
  ends_on: string;
  categories: Generated<string>;
  created_at: string;
  /** Kept by triggers (0024): the latest day of its classes with a completed attendance. */
  attended_to: Generated<string | null>;
}

export interface ObservationsTable {
  event_id: number;
  user_id: number;
  content: number | null;
  method: number | null;
  interaction: number | null;
  organisation: number | null;
  materials: number | null;
  usefulness: number | null;
  note: Generated<string>;
  observed_on: string;
  updated_at: string;
}

type CountColumns = { [K in keyof Counts]: Generated<number> };

export interface ClassStatsTable extends CountColumns {
  event_id: number;
  unit_id: number;
  path: string;
  now_path: string;
  month: string;
  programme_id: number;
  category: string;
  expected: number;
  responses: Generated<number>;
  straight: Generated<number>;
  observed: number | null;
}

export type Tree = "now" | "then";

export interface UnitStatsTable extends CountColumns {
  tree: Tree;
  unit_id: number;
  month: string;
  programme_id: number;
  category: string;
  responses: Generated<number>;
  straight: Generated<number>;
}

export interface ResponsesTable {
  id: Generated<number>;
  event_id: number;
  client_id: string;
  role: RespondentRole;
  form_id: number;
  body_hash: string;
  created_at: string;
  elapsed_ms: number | null;
  too_fast: Generated<number>;
  /** The staff account that typed in a paper sheet; null for a phone's response. */
  entered_by: number | null;
}

export interface AnswersTable {
  response_id: number;
  question_id: number;
  value_num: number | null;
  value_text: string | null;
}

export interface CommentsTable {
  id: Generated<number>;
  event_id: number;
  response_id: number;
  question_id: number;
  text: string;
}

/** A `unit` question's respondents per unit, and every other answer of theirs, per unit. */
export interface AnswerUnitCountsTable {
  event_id: number;
  unit_id: number;
  question_id: number;
  value: string;
  n: number;
}

export interface AnswerCountsTable {
  event_id: number;
  question_id: number;
  role: RespondentRole;
  value: string;
  n: number;
}

export interface ProposalGroupsTable {
  id: Generated<number>;
  event_id: number;
  key: string | null;
  label: string | null;
  manual: Generated<number>;
  created_at: string;
}

export interface ProposalsTable {
  id: Generated<number>;
  event_id: number;
  client_id: string;
  body_hash: string;
  text: string;
  original_text: string | null;
  addressee: Addressee | null;
  suggested_addressee: Addressee;
  author_name: string | null;
  author_unit: string | null;
  hidden: Generated<number>;
  hidden_reason: string | null;
  duplicate_of: number | null;
  group_id: number | null;
  group_locked: Generated<number>;
  text_by_person: Generated<number>;
  /** 1 once an organiser took this placement out of the lessons. */
  lesson_removed: Generated<number>;
  support_count: Generated<number>;
  follow_status: FollowStatus | null;
  follow_note: string | null;
  follow_unit_id: number | null;
  follow_updated_at: string | null;
  created_at: string;
}

export interface SupportsTable {
  proposal_id: number;
  client_id: string;
  created_at: string;
}

export interface DuplicateDismissalsTable {
  event_id: number;
  a_id: number;
  b_id: number;
}

export interface LexiconPhrasesTable {
  id: Generated<number>;
  unit_id: number;
  kind: "proposal" | "comment";
  topic: string;
  phrase: string;
  created_by: number | null;
  created_at: string;
}

export interface RateCountersTable {
  key: string;
  bucket: string;
  n: number;
  /** The ceiling: a write past it aborts its batch (a trigger). */
  cap: number | null;
}

export interface SignInFailuresTable {
  /** 'p:<email>|<address>', 'a:<address>' or 'e:<email>'. */
  key: string;
  failures: number;
  last_at: string;
  locked_until: string | null;
}

export interface LoginFailuresTable {
  email: string;
  failures: number;
  last_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  user_id: number | null;
  user_email: string;
  action: string;
  event_id: number | null;
  unit_id: number | null;
  status: number;
  /** What the action was done to, when the path does not say (an account's email, a template's title). */
  target: string | null;
  /** The unit its author belonged to when it was made, in both trees (migration 0016); null for an email no account has. */
  now_path: string | null;
  then_path: string | null;
}

export interface LessonPromotionsTable {
  unit_id: number;
  scope_unit_id: number;
  promoted_by: number | null;
  promoted_at: string;
}

/** The officer register (migration 0022): a name, a birth year, a position in a unit, its dates. */
export interface PeopleTable {
  id: Generated<number>;
  name: string;
  /** Who is the same person on import (domain/people.ts#nameKey). */
  name_key: string;
  /** The name folded for search without diacritics. */
  search: string;
  birth_year: number;
  position: Position;
  unit_id: number;
  since: string | null;
  until: string | null;
  created_at: string;
  updated_at: string;
}

/** A programme's indicator (migration 0023): a share of a position trained by a date. */
export interface ProgrammeTargetsTable {
  id: Generated<number>;
  programme_id: number;
  position: Position;
  share: number;
  by_date: string;
  min_days: number;
  /** People already trained before the programme, entered by hand (0024). */
  baseline: Generated<number | null>;
  created_at: string;
}

/** A programme's plan of classes, a row a year. */
export interface ProgrammePlanTable {
  programme_id: number;
  year: number;
  classes: number;
  trainees: number;
  budget: number | null;
}

/** Kept by triggers (0024): a person's completed days of a programme, when more than none. */
export interface PersonDaysTable {
  person_id: number;
  programme_id: number;
  days: number;
}

/** Kept by triggers (0024): people on every unit above them, by position, leaving day ('' while in it), programme (0: all) and days. */
export interface PeopleStatsTable {
  tree: "now" | "then";
  unit_id: number;
  position: string;
  until: string;
  programme_id: number;
  days: number;
  people: number;
}

/** Kept by triggers (0024): a programme's classes and person-times on every unit above them, by day. */
export interface ProgrammeClassesTable {
  tree: "now" | "then";
  unit_id: number;
  programme_id: number;
  day: string;
  classes: number;
  person_times: number;
}

/** Who attended a class; never linked to any response. */
export interface AttendanceTable {
  event_id: number;
  person_id: number;
  completed: Generated<number>;
}

export interface Database {
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  password_links: PasswordLinksTable;
  templates: TemplatesTable;
  forms: FormsTable;
  questions: QuestionsTable;
  events: EventsTable;
  responses: ResponsesTable;
  answers: AnswersTable;
  comments: CommentsTable;
  answer_counts: AnswerCountsTable;
  answer_unit_counts: AnswerUnitCountsTable;
  proposal_groups: ProposalGroupsTable;
  proposals: ProposalsTable;
  supports: SupportsTable;
  duplicate_dismissals: DuplicateDismissalsTable;
  lexicon_phrases: LexiconPhrasesTable;
  lesson_promotions: LessonPromotionsTable;
  programmes: ProgrammesTable;
  observations: ObservationsTable;
  class_stats: ClassStatsTable;
  unit_stats: UnitStatsTable;
  rate_counters: RateCountersTable;
  login_failures: LoginFailuresTable;
  sign_in_failures: SignInFailuresTable;
  audit_log: AuditLogTable;
  people: PeopleTable;
  attendance: AttendanceTable;
  programme_targets: ProgrammeTargetsTable;
  programme_plan: ProgrammePlanTable;
  person_days: PersonDaysTable;
  people_stats: PeopleStatsTable;
  programme_classes: ProgrammeClassesTable;
}
