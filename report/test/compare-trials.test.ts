// Comparison verdicts on runs of several trials (FIXTURE rows in memory): the change's interval is
// the two-level one, so between-trial variation that a one-level interval mistakes for changes
// is not called a change, while a planted slowdown much larger than it still is.
import * as aq from "arquero";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../../functions/manifest.js";
import { compareRuns } from "../lib/compare/index.js";
import { fixtureRows, type FixtureOptions } from "./fixtures/generate.js";

const kind = new Map(loadManifest().runtimes.map((r) => [r.id, r.kind]));
const run = (options: FixtureOptions) =>
  aq.from(
    fixtureRows({ trials: 4, trialSpread: 0.15, invocationsPerFunction: 60, dropFunctions: ["warmup"], ...options }).invocations.map((r) => ({
      ...r,
      runtimeKind: kind.get(r.runtime)!,
    })),
  );
const changes = (c: ReturnType<typeof compareRuns>, metric: string) => c.changes.filter((x) => x.metric === metric && x.verdict !== "no clear difference");
const uncertainty = { resamples: 1000, seed: 3 };

describe("compareRuns with trials", () => {
  it("does not call between-trial variation a change; the same rows without their trial column do", () => {
    const [a, b] = [run({ seed: 1 }), run({ seed: 2 })];
    const twoLevel = compareRuns(a, b, { uncertainty });
    const oneLevel = compareRuns(a.select(aq.not("trial")), b.select(aq.not("trial")), { uncertainty });
    expect(twoLevel.options.trials).toEqual({ baseline: { min: 4, max: 4 }, candidate: { min: 4, max: 4 } });
    expect(oneLevel.options.trials).toEqual({ baseline: { min: 1, max: 1 }, candidate: { min: 1, max: 1 } });
    // 16 groups, one model, trials varying by 15 %: a one-level interval sees only the invocations
    // (9 of 16 p50 "changes" with these seeds; 1 with the two-level interval).
    expect(changes(oneLevel, "total-p50").length).toBeGreaterThan(4);
    expect(changes(twoLevel, "total-p50").length).toBeLessThanOrEqual(1);
  });

  it("still finds a slowdown well above the trials' spread, and keeps --min-effect", () => {
    const slower = run({ seed: 2, slowdown: { runtime: "go", function: "search", factor: 2 } });
    const c = compareRuns(run({ seed: 1 }), slower, { uncertainty });
    const change = c.changes.find((x) => x.metric === "total-p50" && x.group.runtime === "go" && x.group.function === "search")!;
    expect(change.verdict).toBe("regression");
    const strict = compareRuns(run({ seed: 1 }), slower, { uncertainty, minEffect: 1.5 });
    expect(strict.changes.find((x) => x.metric === "total-p50" && x.group.runtime === "go" && x.group.function === "search")!.verdict).toBe(
      "no clear difference",
    );
  });
});
