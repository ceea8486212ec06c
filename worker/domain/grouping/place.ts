// Where proposals go, decided in one place for arrival, regroup, seeding and the evaluation: the frame first, then themes.
import { fold } from "../text";
import { Frame, type FrameExample, type FrameRef, frameGroups, type Lesson, type Scored } from "./frame";
import { UNSORTED } from "./labels";
import type { Analysis, Lexicon } from "./reading";
import { arrivalTheme, assignGroup, groupTexts } from "./themes";

/** A group of the workshop as it stands. */
export interface RoomGroup {
  id: number;
  /** A theme key, "kw:…", "taught:…" for a lesson's group, "unsorted"; null for a facilitator's own. */
  key: string | null;
  /** A person's name for it (or a lesson's); null when it is named from its members. */
  label: string | null;
  /** Made by a person. */
  manual: boolean;
}

/** A proposal already on the board, which this placing does not move. */
export interface RoomMember {
  analysis: Analysis;
  groupId: number | null;
  key: string | null;
  /** A person put it there. */
  byHand: boolean;
}

/** What the placing knows of the room: its groups, the proposals staying where they are, its unit's lessons. */
export interface Room {
  groups: readonly RoomGroup[];
  members: readonly RoomMember[];
  lessons: readonly Lesson[];
}

/** Into a group by id, or an automatic group by key (made on first use, with the lesson's name for "taught:"). */
export type Place = { groupId: number } | { key: string; label: string | null };

const LESSON_KEY = "taught:";

/** The key of the group a lesson makes in a workshop: one per name. */
export const lessonKey = (label: string) => `${LESSON_KEY}${fold(label).trim()}`;

/** The key of a group a lesson made. */
export const isLessonKey = (key: string | null) => key?.startsWith(LESSON_KEY) === true;

const isLessonGroup = (g: RoomGroup) => isLessonKey(g.key);

/**
 * The facilitator gave this room a frame: a group she made or named here (an agenda theme, a renamed
 * group). Then nothing goes to a new automatic theme: a proposal joins a group or "Chưa xếp nhóm".
 */
export function hasAgenda(room: Room): boolean {
  return room.groups.some((g) => !isLessonGroup(g) && g.key !== UNSORTED && (g.manual || g.label !== null));
}

/** The frame of the room: groups named here, groups a person placed proposals in, lesson groups; then lessons. */
function frameOf(room: Room, lexicon: Lexicon, context: readonly Analysis[]): Frame {
  const examples = new Map<number, FrameExample[]>();
  for (const m of room.members) {
    if (m.groupId === null) continue;
    const example: FrameExample = { analysis: m.analysis, source: m.byHand ? "hand" : "sure" };
    const known = examples.get(m.groupId);
    if (known) known.push(example);
    else examples.set(m.groupId, [example]);
  }
  const agenda = hasAgenda(room);
  // With an agenda, the board's other groups that hold proposals are part of the frame too: a
  // facilitator who renamed one group has not closed the others.
  const framing = room.groups.filter(
    (g) =>
      g.key !== UNSORTED &&
      (g.manual ||
        g.label !== null ||
        isLessonGroup(g) ||
        room.members.some((m) => m.byHand && m.groupId === g.id) ||
        (agenda && examples.has(g.id))),
  );
  return new Frame(
    frameGroups(
      framing.map((g) => ({
        id: g.id,
        label: g.label,
        // What the frame placed in a framing group counts, below a person's hand; what a theme placed there before
        // the group was named counts the same: it is where the room left it.
        examples: examples.get(g.id) ?? [],
      })),
      room.lessons,
      agenda,
    ),
    [...room.members.map((m) => m.analysis), ...context],
    lexicon,
  );
}

function fromFrame(ref: FrameRef): Place {
  return "id" in ref ? { groupId: ref.id } : { key: lessonKey(ref.lesson), label: ref.lesson };
}

/**
 * The group a proposal joins as it arrives: the frame's group it fits; with an agenda and no fit,
 * "Chưa xếp nhóm"; without one, its theme in the workshop's context, else the closest group.
 */
export function placeArrival(a: Analysis, room: Room, lexicon: Lexicon): Place {
  const frame = frameOf(room, lexicon, [a]);
  const fit = frame.size === 0 ? null : frame.place(a);
  if (fit) return fromFrame(fit.ref);
  if (hasAgenda(room)) return { key: UNSORTED, label: null };
  const keys = room.groups.filter((g) => !isLessonGroup(g)).map((g) => g.key);
  return {
    key:
      arrivalTheme(a, keys) ??
      assignGroup(
        a,
        room.members.map((m) => ({ analysis: m.analysis, key: m.key })),
      ),
    label: null,
  };
}

/**
 * Places many proposals at once (a regroup, seeding a workshop): the frame's groups take what fits
 * them, growing from what they surely take; the rest goes to "Chưa xếp nhóm" when the room has an
 * agenda, else to themes and clusters of shared words, without fragments.
 */
export function placeAll(texts: readonly Analysis[], room: Room, lexicon: Lexicon): Place[] {
  const frame = frameOf(room, lexicon, texts);
  const fits: (Scored | null)[] = frame.size === 0 ? texts.map(() => null) : frame.placeAll(texts);
  const out: (Place | null)[] = fits.map((f) => (f ? fromFrame(f.ref) : null));
  const rest = texts.flatMap((a, i) => (out[i] === null ? [{ a, i }] : []));
  if (hasAgenda(room)) {
    for (const { i } of rest) out[i] = { key: UNSORTED, label: null };
  } else {
    for (const g of groupTexts(
      rest.map((r) => r.a),
      lexicon,
    )) {
      for (const m of g.members) {
        const at = rest[m]?.i;
        if (at !== undefined) out[at] = { key: g.key, label: null };
      }
    }
  }
  return out.map((p) => p ?? { key: UNSORTED, label: null });
}

/** The best groups of the room for each proposal the frame left unsorted: the facilitator's one-click choices. */
export function bestGroups(
  texts: readonly Analysis[],
  room: Room,
  lexicon: Lexicon,
  count: number,
): number[][] {
  const frame = frameOf({ ...room, lessons: [] }, lexicon, texts);
  return texts.map((a) =>
    frame
      .rank(a)
      .flatMap((s) => ("id" in s.ref && s.score > 0 ? [s.ref.id] : []))
      .slice(0, count),
  );
}
