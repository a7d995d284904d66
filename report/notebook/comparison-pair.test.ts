import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { FIXTURE_REFERENCE } from "../test/fixtures/reference.js";
import { generateFixtureDataset } from "../test/fixtures/generate.js";
import { defaultComparisonPair } from "./comparison-pair.js";
import { notebookMessages } from "./messages.js";

// Only meta.json matters here: FIXTURE datasets of a few made-up rows, their meta.json edited.
const root = mkdtempSync(join(tmpdir(), "lambench-pair-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
function dataset(dir: string, memorySizes: number[], extra: object = {}): string {
  generateFixtureDataset(dir, { name: dir.split("/").pop()!, memorySizes, invocationsPerFunction: 1 });
  const meta = join(dir, "meta.json");
  writeFileSync(meta, JSON.stringify({ ...(JSON.parse(readFileSync(meta, "utf8")) as object), ...extra }));
  return dir;
}

describe("the comparison notebook's default pair", () => {
  it("is the first two complete datasets, subfolders included, with a memory size in common", () => {
    const data = join(root, "a");
    const small = dataset(join(data, "fixture-128mb"), [128]);
    dataset(join(data, "fixture-256mb"), [256]);
    dataset(join(data, "fixture-aws-128mb"), [128], { target: "aws" });
    dataset(join(data, "fixture-unfinished-128mb"), [128], { complete: false });
    const rerun = dataset(join(data, "reruns", "fixture-rerun-128mb"), [128]);
    expect(defaultComparisonPair(data)).toEqual([[small], [rerun]]);
  });

  it("never takes a reference dataset (an imported lambda-perf day) as one of the two runs", () => {
    const data = join(root, "c");
    dataset(join(data, "fixture-aws-a-128mb"), [128], { target: "aws" });
    dataset(join(data, "fixture-lambda-perf"), [128, 256], { target: "aws", reference: FIXTURE_REFERENCE });
    expect(() => defaultComparisonPair(data)).toThrow(notebookMessages.noComparablePair(data, 1));
    const other = dataset(join(data, "fixture-aws-b-128mb"), [128], { target: "aws" });
    expect(defaultComparisonPair(data)).toEqual([[join(data, "fixture-aws-a-128mb")], [other]]);
  });

  it("says what to set when no two datasets compare", () => {
    const data = join(root, "b");
    dataset(join(data, "fixture-128mb"), [128]);
    dataset(join(data, "fixture-256mb"), [256]);
    expect(() => defaultComparisonPair(data)).toThrow(notebookMessages.noComparablePair(data, 2));
    expect(notebookMessages.noComparablePair("../data", 2)).toBe(
      "the comparison needs two complete datasets of the same target, architecture and memory size; ../data (with its subfolders) has 2 complete dataset(s) and no such pair: set baseline and candidate in the parameters cell",
    );
  });
});
