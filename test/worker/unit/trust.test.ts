// Pure trust rules: duplicate JSON keys, limit counters, too-fast answers, sign-in slowing and locking.
import { describe, it } from "vitest";
import { duplicateKey } from "../../../worker/domain/json";
import {
  afterFailure,
  exceeded,
  isTooFast,
  LOCK_AFTER,
  LOCK_MINUTES,
  limitsFor,
  lockedFor,
  RESPONSES_PER_PHONE,
  SHARED_ADDRESS_FACTOR,
  SLOW_AFTER,
} from "../../../worker/domain/limits";

describe("duplicate JSON keys", () => {
  it("finds a key given twice at any depth, and only within one object", ({ expect }) => {
    expect(duplicateKey('{"a":1,"a":2}')).toBe("a");
    expect(duplicateKey('{"answers":{"12":3,"12":4}}')).toBe("answers.12");
    expect(duplicateKey('{"a":"\\u0061","\\u0061":1}')).toBe("a");
    expect(duplicateKey('{"a":{"b":1},"c":{"b":1}}')).toBeNull();
    expect(duplicateKey('[{"a":1},{"a":1}]')).toBeNull();
    expect(duplicateKey('{"text":"\\"a\\":1,\\"a\\":2"}')).toBeNull();
  });
});

describe("limits", () => {
  const now = new Date("2026-11-21T03:04:05Z");
  it("count by the phone's cookie, or more loosely by address when there is none", ({ expect }) => {
    const withCookie = limitsFor("response", 7, { device: "abc", address: "1.2.3.4" }, now);
    expect(withCookie.map((c) => c.key)).toEqual(["response:d:abc:7", "response:event:7"]);
    expect(withCookie[0]?.max).toBe(RESPONSES_PER_PHONE);
    expect(withCookie[1]?.bucket).toBe("2026-11-21T03:04");
    const shared = limitsFor("response", 7, { device: null, address: "1.2.3.4" }, now);
    expect(shared[0]?.max).toBe(RESPONSES_PER_PHONE * SHARED_ADDRESS_FACTOR);
  });
  it("are exceeded when a counter reaches its maximum", ({ expect }) => {
    const checks = limitsFor("proposal", 7, { device: "abc", address: "x" }, now);
    expect(exceeded(checks, new Map([["proposal:d:abc:7|", 9]]))).toBeUndefined();
    expect(exceeded(checks, new Map([["proposal:d:abc:7|", 10]]))?.kind).toBe("phone_proposals");
  });
  it("set aside answers given faster than two seconds a question", ({ expect }) => {
    expect(isTooFast(3000, 6)).toBe(true);
    expect(isTooFast(12_000, 6)).toBe(false);
    expect(isTooFast(null, 6)).toBe(false);
  });
  it("slow sign-in after a few failures and lock it after more, forgetting old failures", ({ expect }) => {
    let row: { failures: number; lastAt: string; lockedUntil: string | null } | undefined;
    const delays: number[] = [];
    for (let i = 0; i < LOCK_AFTER; i++) {
      const next = afterFailure(row, now);
      delays.push(next.delayMs);
      row = { failures: next.failures, lastAt: now.toISOString(), lockedUntil: next.lockedUntil };
    }
    expect(delays.slice(0, SLOW_AFTER - 1).every((d) => d === 0)).toBe(true);
    expect(delays.slice(SLOW_AFTER - 1).every((d) => d > 0)).toBe(true);
    expect(lockedFor(row, now)).toBe(LOCK_MINUTES * 60);
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(lockedFor(row, later)).toBe(0);
    expect(afterFailure(row, later).failures).toBe(1);
  });
});
