// A programme's indicators read against the calendar: the share expected by a day on the straight line to the target.
const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * The share a target expects by `at`: none at the programme's start, the whole share on its date,
 * on the straight line between; a day before the start expects nothing, one after the date all.
 */
export function expectedShare(share: number, startsOn: string, by: string, at: string): number {
  const start = Date.parse(startsOn);
  const end = Date.parse(by);
  const now = Date.parse(at);
  if (!(end > start)) return now >= end ? share : 0;
  return round2(share * Math.min(1, Math.max(0, (now - start) / (end - start))));
}

/** Trained of people as a share (two decimals), null with nobody in the position. */
export const rateOf = (trained: number, people: number): number | null =>
  people > 0 ? round2(trained / people) : null;

/**
 * How many percentage points a rate is short of the line's expectation, 0 when on it or ahead:
 * both are whole percents, so one behind is at least 1. The card and every unit's row say this.
 */
export const pointsShort = (rate: number | null, expected: number): number =>
  Math.max(0, Math.round((expected - (rate ?? 0)) * 100));
