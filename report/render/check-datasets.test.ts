// The build's dataset step and its columnar cache: a dataset is read and checked once into a
// content-hashed Arrow copy; an unchanged dataset is a hit (not read again), a changed one a miss,
// a damaged copy is ignored and rebuilt; the notebooks' loader reads the copy as the same tables.
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDatasets } from "../lib/load/datasets.js";
import type { ColumnTable } from "arquero";
import { COLUMNAR_FILES, NOT_COPIED } from "../lib/load/columnar.js";
import { loadMessages } from "../lib/load/messages.js";
import { averagesMeta, importPowerTuning } from "../../runners/collect/import-power-tuning.js";
import { writeDataset } from "../../runners/dataset/write.js";
import { generateFixtureDataset } from "../test/fixtures/generate.js";
import { fixtureSet } from "../test/helpers.js";
import { columnarKey, datasetFingerprint, readColumnarCache } from "./cache.js";
import { checkDatasets, requireDatasetFolders } from "./check-datasets.js";
import { bundleLibrary, type LibraryBundle } from "./library-bundle.js";
import { ReportBuildError, renderMessages } from "./messages.js";

const fixtures = fixtureSet();
afterAll(() => fixtures.cleanup());
// The bundle the notebooks require: the build checks datasets with it, in a worker thread.
let LIBRARY: LibraryBundle;
beforeAll(async () => {
  LIBRARY = await bundleLibrary(join(fixtures.dir, "report-lib.cjs"));
}, 120_000);

function setUp(name: string): { dir: string; cacheDir: string; log: string[]; options: Parameters<typeof checkDatasets>[0] } {
  const dir = join(fixtures.dir, name, `fixture-${name}`);
  generateFixtureDataset(dir, { name: `fixture-${name}`, invocationsPerFunction: 4, coldStarts: 2, memorySizes: [128, 256], trials: 2 });
  const cacheDir = join(fixtures.dir, name, "cache");
  const log: string[] = [];
  return { dir, cacheDir, log, options: { datasets: [dir], cacheDir, log: (l) => log.push(l) } };
}

const entryInode = (columnar: string) => statSync(join(columnar, COLUMNAR_FILES.entry)).ino;

describe("the columnar dataset cache", () => {
  it("is written on a miss, reused on a hit, and loads as the tables the CSVs give", async () => {
    const { dir, cacheDir, log, options } = setUp("hit");
    const first = await checkDatasets(options, LIBRARY);
    expect(first.names).toEqual(["fixture-hit"]);
    const [columnar] = first.columnar;
    expect(readColumnarCache(cacheDir, columnarKey(datasetFingerprint(dir), LIBRARY.code))?.dataset.name).toBe("fixture-hit");
    const written = entryInode(columnar!);

    expect(log).toEqual([expect.stringMatching(/^\[data\] {3}.*fixture-hit: checked, columnar copy written \(/)]);
    const second = await checkDatasets(options, LIBRARY);
    expect(log).toHaveLength(1); // nothing read again
    expect(second.columnar).toEqual(first.columnar);
    expect(second.provenance).toBe(first.provenance);
    expect(entryInode(columnar!)).toBe(written); // a hit rewrites nothing
    expect(readdirSync(join(cacheDir, "datasets"))).toEqual([basename(columnar!)]); // the copy a hit stopped left nothing

    const fromCsv = await loadDatasets([dir]);
    const fromCopy = await loadDatasets([columnar!]);
    expect(fromCopy.datasets.map(({ name, meta, corrections }) => ({ name, meta, corrections }))).toEqual(
      fromCsv.datasets.map(({ name, meta, corrections }) => ({ name, meta, corrections })),
    );
    // Every column but the free text left out of the copy (request ids, timestamps), value for value.
    const copied = (table: ColumnTable) => table.select(table.columnNames().filter((name) => !NOT_COPIED.has(name)));
    expect(fromCopy.invocations.columnNames()).toEqual(copied(fromCsv.invocations).columnNames());
    expect(fromCopy.invocations.columnNames()).not.toContain("requestId");
    expect(fromCopy.invocations.objects()).toEqual(copied(fromCsv.invocations).objects());
    expect(fromCopy.requests.objects()).toEqual(copied(fromCsv.requests).objects());
    expect(await loadDatasets([columnar!])).toBe(fromCopy); // a kernel loads a copy once
  });

  it("misses when the dataset's content changes", async () => {
    const { dir, options } = setUp("changed");
    const before = await checkDatasets(options, LIBRARY);
    const requests = join(dir, "requests.csv");
    const lines = readFileSync(requests, "utf8").trimEnd().split("\n");
    lines[1] = lines[1]!.replace(/,200$/, ",500");
    writeFileSync(requests, `${lines.join("\n")}\n`);
    const after = await checkDatasets(options, LIBRARY);
    expect(after.columnar[0]).not.toBe(before.columnar[0]);
    expect(((await loadDatasets([after.columnar[0]!])).requests.object(0) as { httpStatus: number }).httpStatus).toBe(500);
  });

  it("ignores a damaged copy and rebuilds it", async () => {
    const { dir, cacheDir, options } = setUp("damaged");
    const [columnar] = (await checkDatasets(options, LIBRARY)).columnar;
    const key = columnarKey(datasetFingerprint(dir), LIBRARY.code);
    const table = join(columnar!, COLUMNAR_FILES.invocations);
    const bytes = readFileSync(table);
    bytes[bytes.length >> 1] ^= 0xff;
    writeFileSync(table, bytes);
    expect(readColumnarCache(cacheDir, key)).toBeUndefined();
    const written = entryInode(columnar!);
    await checkDatasets(options, LIBRARY);
    expect(entryInode(columnar!)).not.toBe(written);
    expect(readColumnarCache(cacheDir, key)).toBeDefined();

    appendFileSync(join(columnar!, COLUMNAR_FILES.entry), "}");
    expect(readColumnarCache(cacheDir, key)).toBeUndefined();
    await checkDatasets(options, LIBRARY);
    expect(readColumnarCache(cacheDir, key)?.dataset.name).toBe("fixture-damaged");
  });

  it("reports a bad dataset once, by the build, and writes no copy of it", async () => {
    const { dir, cacheDir, options } = setUp("bad");
    const lines = readFileSync(join(dir, "invocations.csv"), "utf8").split("\n");
    const cells = lines[2]!.split(",");
    cells[2] = "999"; // memoryMB of line 3
    lines[2] = cells.join(",");
    writeFileSync(join(dir, "invocations.csv"), lines.join("\n"));
    const message = renderMessages.badDataset(loadMessages.memoryNotInMeta(join(dir, "invocations.csv"), 3, 999, [128, 256]));
    await expect(checkDatasets(options, LIBRARY)).rejects.toThrow(new ReportBuildError(message));
    expect(readColumnarCache(cacheDir, columnarKey(datasetFingerprint(dir), LIBRARY.code))).toBeUndefined();
  });

  it("reports a bad requests.csv by file, line and field, and the invocations' error first when both files are bad", async () => {
    const { dir, cacheDir, options } = setUp("bad-requests");
    const setMemory = (file: string, line: number) => {
      const lines = readFileSync(join(dir, file), "utf8").split("\n");
      const cells = lines[line - 1]!.split(",");
      cells[2] = "999"; // memoryMB, the third column of both files
      lines[line - 1] = cells.join(",");
      writeFileSync(join(dir, file), lines.join("\n"));
    };
    setMemory("requests.csv", 4);
    const requestsMessage = renderMessages.badDataset(loadMessages.memoryNotInMeta(join(dir, "requests.csv"), 4, 999, [128, 256]));
    await expect(checkDatasets(options, LIBRARY)).rejects.toThrow(new ReportBuildError(requestsMessage));
    setMemory("invocations.csv", 5);
    const invocationsMessage = renderMessages.badDataset(loadMessages.memoryNotInMeta(join(dir, "invocations.csv"), 5, 999, [128, 256]));
    await expect(checkDatasets(options, LIBRARY)).rejects.toThrow(new ReportBuildError(invocationsMessage));
    expect(readColumnarCache(cacheDir, columnarKey(datasetFingerprint(dir), LIBRARY.code))).toBeUndefined();
  });

  it("copies a dataset of averages (an imported power-tuning result, no invocation rows)", async () => {
    // aws-lambda-power-tuning's output format; made-up numbers (a FIXTURE).
    const output = {
      results: {
        power: "256",
        cost: 4e-7,
        duration: 40,
        stats: [
          { averagePrice: 6e-7, averageDuration: 90, value: 128 },
          { averagePrice: 4e-7, averageDuration: 40, value: 256 },
        ],
      },
    };
    const imported = importPowerTuning(JSON.stringify(output), { file: "pt.json", runtime: "node", function: "wave", architecture: "x86_64" });
    const dir = join(fixtures.dir, "averages", "fixture-pt");
    writeDataset(
      dir,
      averagesMeta({ name: "fixture-pt", file: "pt.json", region: null, architecture: "x86_64", rows: imported.rows, createdAt: "2025-09-01T00:00:00.000Z" }),
      [],
      [],
    );
    const checked = await checkDatasets({ datasets: [dir], cacheDir: join(fixtures.dir, "averages", "cache"), log: () => undefined }, LIBRARY);
    const fromCopy = await loadDatasets([checked.columnar[0]!]);
    const fromCsv = await loadDatasets([dir]);
    expect(fromCopy.invocations.numRows()).toBe(0);
    expect(fromCopy.invocations.columnNames()).toEqual(fromCsv.invocations.columnNames().filter((name) => !NOT_COPIED.has(name)));
    expect(fromCopy.datasets[0]!.meta.averages).toEqual(fromCsv.datasets[0]!.meta.averages);
  });
});

describe("dataset folders named on the command line", () => {
  it("are refused when absent, before anything is bundled", () => {
    const missing = join(fixtures.dir, "nowhere");
    expect(() => requireDatasetFolders([missing])).toThrow(new ReportBuildError(`dataset folder not found: ${missing}`));
  });
});
