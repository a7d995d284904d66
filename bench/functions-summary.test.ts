// Fixtures here are synthetic numbers, not measurements.
import ngeohash from "ngeohash";
import { describe, expect, it } from "vitest";
import { loadManifest } from "../functions/manifest.js";
import { searchPoints, seedRows } from "./functions-dynamodb.js";
import { comparisonTable, ratiosToBest, renderTable, sizeTable, summarise, timingTable, type EntryResult } from "./functions-summary.js";

const fixture = (runtime: string, fn: string, zipBytes: number | null, cold: Array<[number, number]>, warm: number[]): EntryResult => ({
  runtime,
  function: fn,
  size: zipBytes === null ? null : { zipBytes, unzippedBytes: zipBytes * 2, files: 1 },
  cold: cold.map(([initMs, firstMs]) => ({ initMs, firstMs })),
  warm,
  responseBytes: zipBytes === null ? null : 60,
  problem: zipBytes === null ? "missing artefact x.zip" : null,
});

describe("summarise", () => {
  it("takes medians of init, first and their per-instance sum, and the warm p50/p90 by linear interpolation", () => {
    const s = summarise(
      fixture(
        "go",
        "wave",
        1000,
        [
          [10, 1],
          [30, 5],
          [20, 9],
        ],
        [5, 1, 4, 2, 3, 6, 7, 8, 9, 10],
      ),
    );
    expect(s.initMedianMs).toBe(20);
    expect(s.firstMedianMs).toBe(5);
    // Per-instance sums 11, 35, 29: the median is 29, not 20 + 5.
    expect(s.coldMedianMs).toBe(29);
    expect([s.coldMinMs, s.coldMaxMs]).toEqual([11, 35]);
    expect(s.warmMedianMs).toBe(5.5);
    expect(s.warmP90Ms).toBeCloseTo(9.1, 10);
    expect(s.warmN).toBe(10);
  });

  it("leaves figures null when nothing was measured", () => {
    const s = summarise(fixture("rust", "wave", null, [], []));
    expect([s.coldMedianMs, s.warmMedianMs, s.warmP90Ms]).toEqual([null, null, null]);
  });
});

describe("ratiosToBest", () => {
  it("divides by the smallest present value and keeps nulls", () => {
    expect(ratiosToBest([4, null, 2, 8])).toEqual([2, null, 1, 4]);
    expect(ratiosToBest([null, null])).toEqual([null, null]);
  });
});

describe("tables", () => {
  const summaries = [
    fixture("node", "wave", 512, [[100, 2]], [0.5, 0.7]),
    fixture("go", "wave", 2048, [[20, 1]], [0.25, 0.3]),
    fixture("rust", "wave", null, [], []),
  ].map(summarise);

  it("pads columns to the widest cell, numbers right-aligned", () => {
    expect(
      renderTable(
        ["a", "num"],
        [
          ["xyz", "1"],
          ["b", "1000"],
        ],
        ["left", "right"],
      ),
    ).toBe("a     num\n---  ----\nxyz     1\nb    1000");
  });

  it("compares each runtime with the best of its function and marks missing entries", () => {
    const lines = comparisonTable(summaries, ["wave"]).split("\n");
    expect(lines[2]).toMatch(/^wave\s+node\s+102\.00\s+4\.86x\s+5\.00x\s+0\.60\s+2\.18x\s+0\.5\s+1\.00x$/);
    expect(lines[3]).toMatch(/^wave\s+go\s+21\.00\s+1\.00x\s+1\.00x\s+0\.28\s+1\.00x\s+2\.0\s+4\.00x$/);
    expect(lines[4]).toMatch(/^wave\s+rust(\s+-){7}$/);
  });

  it("names the problem of an entry without figures", () => {
    expect(sizeTable(summaries)).toMatch(/rust\s+wave(\s+-){4}\s+missing artefact x\.zip/);
    expect(timingTable(summaries)).toMatch(/rust\s+wave\s+0(\s+-){4}\s+0(\s+-){3}\s+missing artefact x\.zip/);
    expect(timingTable(summaries)).toMatch(/go\s+wave\s+1\s+20\.00\s+1\.00\s+21\.00\s+21\.0-21\.0\s+2\s+0\.28\s+0\.29\s+60\s*$/m);
  });
});

describe("seed rows", () => {
  it("puts rows of every payload owner in the search cell and its 8 neighbours, away from cell edges", () => {
    const points = searchPoints(loadManifest());
    expect(points.length).toBeGreaterThan(0);
    const rows = seedRows(points);
    const centre = ngeohash.encode(points[0]!.lat, points[0]!.lon, 4);
    const cells = new Set(rows.map((r) => r.gpk));
    for (const cell of [centre, ...ngeohash.neighbors(centre)]) expect(cells).toContain(cell);
    for (const r of rows) {
      expect(ngeohash.encode(Number(r.lat), Number(r.lon), 4)).toBe(r.gpk);
      expect(r.gsk).toBe(`RT:${r.owner}:${r.sk}`);
    }
  });
});
