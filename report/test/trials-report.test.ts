// The report on data with several trials: per-trial disagreement on orderings (hand-worked
// literal rows), its sentence by value, and the sections built from a FIXTURE dataset of 3 trials.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSection, type Datasets } from "../lib/index.js";
import { messages } from "../lib/narrative/messages.js";
import { trialDisagreements, type TrialValueRow } from "../lib/findings/statistics.js";
import { fixtureSet } from "./helpers.js";

const row = (runtime: string, trial: number, trialValue: number | null, fn = "save"): TrialValueRow => ({
  setting: "s",
  function: fn,
  runtime,
  trial,
  trialValue,
});

describe("trialDisagreements", () => {
  it("lists each runtime that was lowest in some trial, only where the trials disagree", () => {
    const rows = [
      // save: Rust lowest in trials 1 and 3, Go in trial 2.
      row("Rust", 1, 2),
      row("Go", 1, 3),
      row("Rust", 2, 4),
      row("Go", 2, 3),
      row("Rust", 3, 1),
      row("Go", 3, 5),
      // wave: Go lowest in both trials; no disagreement.
      row("Rust", 1, 2, "wave"),
      row("Go", 1, 1, "wave"),
      row("Rust", 2, 3, "wave"),
      row("Go", 2, 2, "wave"),
    ];
    expect(trialDisagreements(rows)).toEqual([
      {
        setting: "s",
        function: "save",
        leaders: [
          { runtime: "Rust", trials: [1, 3] },
          { runtime: "Go", trials: [2] },
        ],
      },
    ]);
  });

  it("counts a tie for every tied runtime, and skips trials with a single runtime or no value", () => {
    const rows = [row("Rust", 1, 2), row("Go", 1, 2), row("Rust", 2, 1), row("Go", 2, null), row("Go", 3, 9)];
    expect(trialDisagreements(rows)).toEqual([
      {
        setting: "s",
        function: "save",
        leaders: [
          { runtime: "Rust", trials: [1] },
          { runtime: "Go", trials: [1] },
        ],
      },
    ]);
    expect(trialDisagreements([row("Rust", 1, 2), row("Go", 1, 3)])).toEqual([]);
  });

  it("says so in one sentence", () => {
    expect(
      messages.trialsDisagree("fixture · 128 MB", "save", "median Total Duration", [
        { runtime: "Rust", trials: [1, 3] },
        { runtime: "Go", trials: [2] },
      ]),
    ).toBe(
      "In **fixture · 128 MB**, the trials disagree on which runtime has the lowest median Total Duration of `save`: Rust in trials 1 and 3 and Go in trial 2.",
    );
  });
});

describe("sections on a dataset of 3 trials (fixture)", () => {
  const fixtures = fixtureSet();
  let data: Datasets;
  let oneTrial: Datasets;
  beforeAll(async () => {
    // Equal speed ranks: the runtimes share one distribution, so trials can disagree on the order.
    const speedRanks = { node: 0, python: 0, go: 0, rust: 0 };
    data = await fixtures.load({ "fixture-trials-128mb": { memorySizes: [128], trials: 3, trialSpread: 0.2, speedRanks, seed: 5 } });
    oneTrial = await fixtures.load({ "fixture-one-trial-128mb": { memorySizes: [128], speedRanks, seed: 5 } });
  });
  afterAll(() => fixtures.cleanup());

  const text = (d: Datasets, id: Parameters<typeof buildSection>[0]) =>
    buildSection(id, d)
      .blocks.flatMap((b) => (b.kind === "markdown" ? [b.text] : []))
      .join("\n");

  it("names the two-level scheme and the trial count in the Method section and the notes", () => {
    expect(text(data, "appendix")).toContain("Groups measured in several trials (here 3) get a **two-level bootstrap**");
    expect(text(data, "expected-range")).toContain("Each group was measured in 3 trials, and the intervals come from a two-level bootstrap");
    expect(text(oneTrial, "appendix")).toContain("**Between-run variation was not measured**");
    expect(text(oneTrial, "worst-case")).toContain("**run-to-run variation was not measured**");
  });

  it("says where the trials disagree on the lowest median, and never for one trial", () => {
    expect(text(data, "expected-range")).toMatch(
      /the trials disagree on which runtime has the lowest median Total Duration of `\w+`: .+ in trials? [\d, and]+/,
    );
    expect(text(oneTrial, "expected-range")).not.toContain("the trials disagree");
  });
});
