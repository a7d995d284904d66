// The one validated dataset index: meta.json read and checked once for every reader, read again
// only when it changes, and a bad one refused with its file and field. FIXTURE datasets only.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { completeDatasetsBelow, findCompleteDatasets } from "../../notebook/datasets.js";
import { generateFixtureDataset } from "../../test/fixtures/generate.js";
import { fixtureSet } from "../../test/helpers.js";
import { DatasetIndex } from "./dataset-index.js";
import { loadDatasets } from "./datasets.js";
import { DatasetError, loadMessages } from "./messages.js";
import { inspectMeta } from "./meta.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());

/** An index over a fresh data folder, counting how often each meta.json is read. */
function countingIndex(): { index: DatasetIndex; reads: Map<string, number> } {
  const reads = new Map<string, number>();
  const index = new DatasetIndex((dir, shown) => {
    reads.set(dir, (reads.get(dir) ?? 0) + 1);
    return inspectMeta(dir, shown);
  });
  return { index, reads };
}

function setMetaField(dir: string, field: string, value: unknown): void {
  const file = join(dir, "meta.json");
  const meta = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  writeFileSync(file, JSON.stringify({ ...meta, [field]: value }, null, 2));
}

describe("the dataset index", () => {
  it("reads each meta.json once for the listing, the loader and the build's questions", async () => {
    const data = join(fixtures.dir, "once");
    const a = join(data, "fixture-a");
    const b = join(data, "fixture-b");
    generateFixtureDataset(a, { name: "fixture-a", invocationsPerFunction: 3 });
    generateFixtureDataset(b, { name: "fixture-b", invocationsPerFunction: 3 });
    const { index, reads } = countingIndex();

    expect(findCompleteDatasets(data, index)).toEqual([a, b]);
    expect(completeDatasetsBelow(data, index).map((s) => s.dir)).toEqual([a, b]);
    const loaded = await loadDatasets([a, b], { index });
    expect(index.meta(a).name).toBe("fixture-a");
    expect(loaded.datasets.map((d) => d.meta)).toEqual([index.meta(a), index.meta(b)]);
    expect(Object.fromEntries(reads)).toEqual({ [a]: 1, [b]: 1 });
  });

  it("reads a meta.json again once it changed", () => {
    const dir = join(fixtures.dir, "changed", "fixture-c");
    generateFixtureDataset(dir, { name: "fixture-c", invocationsPerFunction: 3 });
    const { index, reads } = countingIndex();
    expect(index.meta(dir).warnings).not.toContain("rewritten");
    setMetaField(dir, "warnings", ["rewritten"]);
    expect(index.meta(dir).warnings).toEqual(["rewritten"]);
    expect(index.meta(dir).warnings).toEqual(["rewritten"]);
    expect(reads.get(dir)).toBe(2);
  });

  it("refuses a bad meta.json naming its file and field, and the listing keeps it so the build reports it", () => {
    const data = join(fixtures.dir, "bad");
    const dir = join(data, "fixture-bad");
    generateFixtureDataset(dir, { name: "fixture-bad", invocationsPerFunction: 3 });
    setMetaField(dir, "memorySizes", "128");
    const { index } = countingIndex();
    const message = loadMessages.invalidMeta(join(dir, "meta.json"), "memorySizes", "Invalid input: expected array, received string");
    expect(() => index.meta(dir)).toThrow(new DatasetError(message));
    expect(index.reading(dir)).toMatchObject({ status: "refused" });
    expect(findCompleteDatasets(data, index)).toEqual([dir]);
    expect(completeDatasetsBelow(data, index)).toEqual([]);
  });

  it("does not list datasets still being written, nor folders without meta.json", () => {
    const data = join(fixtures.dir, "partial");
    generateFixtureDataset(join(data, "fixture-half"), { name: "fixture-half", invocationsPerFunction: 3, defect: "incomplete" });
    generateFixtureDataset(join(data, "fixture-nometa"), { name: "fixture-nometa", invocationsPerFunction: 3, defect: "missing-meta" });
    mkdirSync(join(data, "empty"));
    const { index } = countingIndex();
    expect(findCompleteDatasets(data, index)).toEqual([]);
    expect(index.reading(join(data, "fixture-half"))).toMatchObject({ status: "incomplete" });
    expect(index.reading(join(data, "fixture-nometa"))).toMatchObject({ status: "not-a-dataset" });
    expect(() => index.meta(join(data, "fixture-half"))).toThrow(loadMessages.incomplete(join(data, "fixture-half", "meta.json")));
  });
});
