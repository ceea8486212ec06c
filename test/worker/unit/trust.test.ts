// Pure trust rules: duplicate JSON keys, limit counters, too-fast answers, sign-in slowing and locking.
import { describe, it } from "vitest";
import { duplicateKey } from "../../../worker/domain/json";
import {
  ADDRESS_LOCK_AFTER,
  delayFor,
  EMAIL_LOCK_AFTER,
  exceeded,
  isTooFast,
  LOCK_AFTER,
  LOCK_MINUTES,
  limitsFor,
  lockAfter,
  lockedFor,
  networkOf,
  RESPONSES_PER_PHONE,
  SHARED_ADDRESS_FACTOR,
  SLOW_AFTER,
  signInKeys,
} from "../../../worker/domain/limits";
import { PHONE_CSS, PHONE_CSS_HASH } from "../../../worker/phone/styles";

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
    const event = { id: 7, expectedParticipants: 30 };
    const withCookie = limitsFor("response", event, { device: "abc", address: "1.2.3.4" }, now);
    expect(withCookie.map((c) => c.key)).toEqual([
      "response:d:abc:7",
      "response:a:1.2.3.4:7",
      "response:event:7",
    ]);
    expect(withCookie[0]?.max).toBe(RESPONSES_PER_PHONE);
    // Whatever phone ids it holds, one address adds at most the class's size and a half, plus 20.
    expect(withCookie[1]?.max).toBe(65);
    expect(withCookie[2]?.bucket).toBe("2026-11-21T03:04");
    const shared = limitsFor("response", event, { device: null, address: "1.2.3.4" }, now);
    expect(shared[0]?.max).toBe(RESPONSES_PER_PHONE * SHARED_ADDRESS_FACTOR);
    // The shared phone of a network and the network itself are two counters, never one key.
    expect(new Set(shared.map((c) => c.key)).size).toBe(shared.length);
  });
  it("group IPv6 addresses by /64 and take IPv4 whole", ({ expect }) => {
    expect(networkOf("2001:db8:aa:7::1")).toBe("2001:db8:aa:7::/64");
    expect(networkOf("2001:0db8:00aa:0007:ffff:1:2:3")).toBe("2001:db8:aa:7::/64");
    expect(networkOf("2001:DB8:AA:7:0:0:0:9%eth0")).toBe("2001:db8:aa:7::/64");
    expect(networkOf("::1")).toBe("0:0:0:0::/64");
    expect(networkOf("::ffff:203.0.113.9")).toBe("203.0.113.9");
    expect(networkOf("203.0.113.9")).toBe("203.0.113.9");
    expect(networkOf("not an address")).toBe("not an address");
  });
  it("are exceeded when a counter reaches its maximum", ({ expect }) => {
    const checks = limitsFor(
      "proposal",
      { id: 7, expectedParticipants: 30 },
      { device: "abc", address: "x" },
      now,
    );
    expect(exceeded(checks, new Map([["proposal:d:abc:7|", 9]]))).toBeUndefined();
    expect(exceeded(checks, new Map([["proposal:d:abc:7|", 10]]))?.kind).toBe("phone_proposals");
  });
  it("set aside answers given faster than two seconds a question", ({ expect }) => {
    expect(isTooFast([3000], 6)).toBe(true);
    expect(isTooFast([12_000], 6)).toBe(false);
    expect(isTooFast([null], 6)).toBe(false);
    // A phone's claim of a week cannot clear what the server measured as three seconds.
    expect(isTooFast([3000, 7 * 86400_000], 6)).toBe(true);
    expect(isTooFast([60_000, 1000], 6)).toBe(true);
  });
  it("slow a sign-in pair after a few failures and lock it after more; an address locks only much later", ({
    expect,
  }) => {
    const delays = Array.from({ length: LOCK_AFTER }, (_, i) => delayFor(i + 1));
    expect(delays.slice(0, SLOW_AFTER - 1).every((d) => d === 0)).toBe(true);
    expect(delays.slice(SLOW_AFTER - 1).every((d) => d > 0)).toBe(true);
    expect(lockAfter("pair", LOCK_AFTER - 1, now)).toBeNull();
    const until = lockAfter("pair", LOCK_AFTER, now);
    expect(lockedFor({ failures: LOCK_AFTER, lastAt: now.toISOString(), lockedUntil: until }, now)).toBe(
      LOCK_MINUTES * 60,
    );
    const later = new Date(now.getTime() + (LOCK_MINUTES + 1) * 60_000);
    expect(lockedFor({ failures: LOCK_AFTER, lastAt: now.toISOString(), lockedUntil: until }, later)).toBe(0);
    expect(lockAfter("address", LOCK_AFTER, now)).toBeNull();
    expect(lockAfter("address", ADDRESS_LOCK_AFTER, now)).not.toBeNull();
    expect(lockAfter("email", EMAIL_LOCK_AFTER - 1, now)).toBeNull();
    expect(lockAfter("email", EMAIL_LOCK_AFTER, now)).not.toBeNull();
    expect(signInKeys("a@b.vn", "1.2.3.4")).toEqual({
      pair: "p:a@b.vn|1.2.3.4",
      address: "a:1.2.3.4",
      email: "e:a@b.vn",
      device: null,
    });
    expect(signInKeys("a@b.vn", "1.2.3.4", "nonce").device).toBe("k:nonce");
  });
});

describe("the phone pages' inline stylesheet", () => {
  it("is allowed by exactly its own hash (recomputed here from the text the pages send)", async ({
    expect,
  }) => {
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(PHONE_CSS));
    const hash = `sha256-${btoa(String.fromCharCode(...new Uint8Array(digest)))}`;
    // When the stylesheet changes, PHONE_CSS_HASH in worker/phone/styles.ts becomes this value.
    expect(PHONE_CSS_HASH).toBe(hash);
  });
});
