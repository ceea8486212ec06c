// Grouping CPU in Node, as the Worker runs it: npm run bench reports it; run alone to compare commits.
import { fileURLToPath } from "node:url";
import {
  type Analysis,
  analyse,
  assignGroup,
  groupTexts,
  Lexicon,
  NEAREST_AMONG,
  placeAll,
  placeArrival,
  type Room,
} from "../worker/domain/grouping";
import { PROPOSAL_TOPICS } from "../worker/domain/lexicon";
import { fold } from "../worker/domain/text";

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

/** 500 varied proposals from templates and the domain lexicon (deterministic), a third without diacritics. */
function syntheticProposals(n: number): string[] {
  const rand = prngFor(500);
  const openers = ["Đề nghị", "Cần", "Nên", "Kiến nghị", "Mong", ""];
  const targets = ["cho chi hội trưởng", "cho cán bộ Hội cơ sở", "ở các xã vùng sâu", "cho hội viên trẻ", ""];
  const phrases = PROPOSAL_TOPICS.flatMap((t) => [...Object.values(t.concepts ?? {}).flat(), ...t.weak]);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)] as T;
  return Array.from({ length: n }, (_, i) => {
    const text = `${pick(openers)} ${pick(phrases)} và ${pick(phrases)} ${pick(targets)}`.trim();
    return i % 3 === 0 ? fold(text) : text;
  });
}

function prngFor(seed: number) {
  let x = seed;
  return () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x / 2147483648;
  };
}

/** Grouping CPU in Node: one new proposal's assignment, and a full regroup of 500 (what the Worker runs). */
export function groupingMs() {
  const texts = syntheticProposals(500);
  const regroupRuns: number[] = [];
  for (let r = 0; r < 7; r++) {
    // A lexicon of its own each run: every text analysed afresh (the worst case of a regroup).
    const cold = new Lexicon(PROPOSAL_TOPICS);
    const t0 = performance.now();
    groupTexts(
      texts.map((t) => analyse(t, cold)),
      cold,
    );
    regroupRuns.push(performance.now() - t0);
  }
  // What submitProposal does in CPU for a new proposal: analyse its (new) text, pick the theme.
  const lexicon = new Lexicon(PROPOSAL_TOPICS);
  const assign: number[] = [];
  for (const t of texts) {
    const t0 = performance.now();
    analyse(t, lexicon);
    assign.push(performance.now() - t0);
  }
  // A proposal naming no theme is compared with the event's newest stored proposals. The isolate
  // has analysed those already (the lexicon keeps them); the new text is new each time.
  const stored = texts.map((t, i) => ({ analysis: analyse(t, lexicon), key: `k${i % 8}` }));
  const fallback: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    const others = texts
      .slice(0, NEAREST_AMONG)
      .map((t, i) => ({ analysis: analyse(t, lexicon), key: stored[i]?.key ?? null }));
    assignGroup(analyse(`xyz abc lorem ${r}`, lexicon), others);
    fallback.push(performance.now() - t0);
  }
  const compile: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    new Lexicon(PROPOSAL_TOPICS);
    compile.push(performance.now() - t0);
  }
  // A regroup after the facilitator typed 10 agenda themes and placed 100 proposals by hand, in a
  // unit taught 100 more at earlier workshops: the other 400 are placed in that frame (three passes,
  // the frame growing from what it surely places), as the Worker's regroup does.
  const roomOf = (analyses: readonly Analysis[], recent: number): Room => ({
    groups: PROPOSAL_TOPICS.slice(0, 10).map((tp, g) => ({
      id: g + 1,
      key: null,
      label: tp.vi,
      manual: true,
    })),
    members: [
      ...analyses
        .slice(0, 100)
        .map((a, i) => ({ analysis: a, groupId: (i % 10) + 1, key: null, byHand: true })),
      ...analyses
        .slice(100, 100 + recent)
        .map((a, i) => ({ analysis: a, groupId: (i % 10) + 1, key: null, byHand: false })),
    ],
    lessons: PROPOSAL_TOPICS.slice(10, 20).map((tp, g) => ({
      label: tp.vi,
      examples: analyses.slice(400 + g * 10, 400 + g * 10 + 10),
    })),
  });
  const taughtRuns: number[] = [];
  for (let r = 0; r < 7; r++) {
    const cold = new Lexicon(PROPOSAL_TOPICS);
    const t0 = performance.now();
    const analyses = texts.map((t) => analyse(t, cold));
    placeAll(analyses.slice(100), roomOf(analyses, 0), cold);
    taughtRuns.push(performance.now() - t0);
  }
  // What submitProposal does for a workshop whose facilitator typed 10 themes and placed 100, with
  // the newest 100 others and 100 lessons of the unit: the frame is made for each arrival (nothing
  // kept between requests) and the new text placed in it. The median of 7 new texts.
  const known = texts.map((t) => analyse(t, lexicon));
  const arrivalRoom = roomOf(known, NEAREST_AMONG);
  const assignTaught: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    placeArrival(analyse(`${texts[200 + r] ?? ""} ${r}`, lexicon), arrivalRoom, lexicon);
    assignTaught.push(performance.now() - t0);
  }
  return {
    regroup500Ms: pct(regroupRuns, 50),
    regroupTaughtMs: pct(taughtRuns, 50),
    assignTaughtMs: pct(assignTaught, 50),
    assignP50Ms: pct(assign, 50),
    assignP99Ms: pct(assign, 99),
    compileMs: pct(compile, 50),
    noThemeMs: pct(fallback, 50),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(groupingMs());
