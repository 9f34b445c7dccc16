import { describe, expect, it } from "vitest";
import { decideRestart, DEFAULT_RESTART_POLICY as P } from "./restart-policy.js";

describe("decideRestart", () => {
  it("restarts with a delay that doubles per recent crash, up to the maximum", () => {
    expect(decideRestart(P, [], 100_000)).toEqual({ restart: true, delayMs: 500, crashes: 1 });
    expect(decideRestart(P, [99_000], 100_000)).toEqual({ restart: true, delayMs: 1000, crashes: 2 });
    expect(decideRestart({ ...P, maxCrashes: 10 }, [1, 2, 3, 4, 5, 6, 7], 100)).toMatchObject({ delayMs: 10_000 });
  });
  it("forgets crashes outside the window", () => {
    expect(decideRestart(P, [0, 1, 2, 3, 4], 100_000)).toEqual({ restart: true, delayMs: 500, crashes: 1 });
  });
  it("gives up on a service that keeps crashing", () => {
    expect(decideRestart(P, [95_000, 96_000, 97_000, 98_000, 99_000], 100_000)).toEqual({ restart: false, crashes: 6 });
  });
});
