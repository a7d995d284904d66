// Every figure of every section: valid against vega-lite's JSON schema, compiles with vega-lite,
// and matches its committed golden spec (report/test/golden/*.json).
import { existsSync, readFileSync, writeFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { compile } from "vega-lite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSection, loadDatasets, sectionIds, VEGA_LITE_SCHEMA, type Datasets } from "../lib/index.js";
import { lambdaPerfMeta } from "../../runners/collect/import-lambda-perf.js";
import { publishDataset } from "../../runners/dataset/publish.js";
import { parseLambdaPerf } from "../../runners/lab/lambda-perf.js";
import { fixtureSet } from "./helpers.js";

// The package's exports map hides its build folder, so read the files from node_modules.
const vegaLiteDir = join(import.meta.dirname, "..", "..", "node_modules", "vega-lite");
const schema = JSON.parse(readFileSync(join(vegaLiteDir, "build", "vega-lite-schema.json"), "utf8")) as Record<string, unknown>;
const vegaLiteVersion = (JSON.parse(readFileSync(join(vegaLiteDir, "package.json"), "utf8")) as { version: string }).version;
const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false, logger: false });
const validate = ajv.compile(schema);
const goldenDir = join(import.meta.dirname, "golden");

type Figure = { id: string; spec: Record<string, unknown> };
function figuresOf(data: Datasets, ids: readonly (typeof sectionIds)[number][] = sectionIds): Figure[] {
  return ids.flatMap((id) => buildSection(id, data).blocks.flatMap((b) => (b.kind === "figure" ? [{ id: `${id}--${b.id}`, spec: b.spec }] : [])));
}

function checkGolden(name: string, spec: Record<string, unknown>): void {
  const path = join(goldenDir, `${name}.json`);
  const text = JSON.stringify(spec, null, 2) + "\n";
  if (process.env.UPDATE_GOLDEN === "1") {
    writeFileSync(`${path}.tmp`, text);
    renameSync(`${path}.tmp`, path);
    return;
  }
  if (!existsSync(path)) {
    if (process.env.CI === "true") throw new Error(`golden ${path} is missing; CI never creates goldens (run UPDATE_GOLDEN=1 locally and commit)`);
    writeFileSync(path, text);
    return;
  }
  if (readFileSync(path, "utf8") !== text) {
    writeFileSync(join(goldenDir, `${name}-changed.json`), text);
    throw new Error(`figure ${name} differs from its golden; see ${name}-changed.json (UPDATE_GOLDEN=1 to accept)`);
  }
}

const fixtures = fixtureSet();
let full: Figure[] = [];
let degraded: Figure[] = [];
let trials: Figure[] = [];
/** The Lab vs AWS figure: drawn only with a reference dataset (the lambda-perf FIXTURE excerpt, imported). */
let calibration: Figure[] = [];
/** Figures that draw each trial's value over the pooled one (data with several trials). */
const WITH_TRIAL_POINTS = ["expected-range--expected-range", "worst-case--worst-case-max", "cold-start--cold-start-max"];
beforeAll(async () => {
  const lab = await fixtures.load({ "fixture-128mb": { memorySizes: [128] }, "fixture-256mb": { memorySizes: [256], seed: 2 } });
  full = figuresOf(lab);
  const perfFile = join(import.meta.dirname, "..", "..", "test", "fixtures", "lambda-perf", "2025-12-21-excerpt.json");
  const day = parseLambdaPerf(readFileSync(perfFile, "utf8"), perfFile);
  const reference = join(fixtures.dir, "fixture-lambda-perf");
  publishDataset(
    reference,
    lambdaPerfMeta({ name: "fixture-lambda-perf", file: "2025-12-21-excerpt.json", day, campaign: "import-fixture", createdAt: "2026-11-29T16:00:00.000Z" }),
    [],
    [],
    { force: true },
  );
  calibration = figuresOf(await loadDatasets([...lab.datasets.map((d) => d.dir), reference]), ["lab-calibration"]);
  degraded = figuresOf(await fixtures.load({ "fixture-only-128mb": { memorySizes: [128], dropFunctions: ["conc"], seed: 3 } }));
  trials = figuresOf(await fixtures.load({ "fixture-trials-128mb": { memorySizes: [128], trials: 3, trialSpread: 0.1, seed: 4 } }));
});
afterAll(() => fixtures.cleanup());

describe("figures", () => {
  it("declares the schema of the installed vega-lite major version", () => {
    expect(VEGA_LITE_SCHEMA).toBe(`https://vega.github.io/schema/vega-lite/v${vegaLiteVersion.split(".")[0]}.json`);
  });

  it("covers every figure of every section", () => {
    // 1 expected range, 2 worst case, 1 tail, 3 cold start, 2 memory, 3 billed, 1 cost, 3 memory and cost, 3 + 2 + 1 mitigations, 0 method, 0 lab vs AWS (no reference)
    expect(full.map((f) => f.id)).toHaveLength(22);
    expect(degraded.length).toBe(20); // no concurrency pair: its figure is replaced by a sentence; one memory size: no frontier
    expect(calibration.map((f) => f.id)).toEqual(["lab-calibration--lab-vs-aws"]); // with a reference dataset
  });

  it("validates every spec against vega-lite's JSON schema", () => {
    for (const f of [...full, ...degraded, ...trials, ...calibration]) {
      const ok = validate(f.spec);
      expect(ok, `${f.id}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it("compiles every spec with vega-lite", () => {
    for (const f of [...full, ...degraded, ...trials, ...calibration]) {
      expect(() => compile(f.spec as never), f.id).not.toThrow();
    }
  });

  it("rejects a broken spec (the validator can fail)", () => {
    expect(validate({ mark: "no-such-mark", data: { values: [] } })).toBe(false);
  });

  it("draws each trial's value where the data has several trials, and only there", () => {
    const trialRows = (f: Figure) => ((f.spec.data as { values: Record<string, unknown>[] }).values ?? []).filter((r) => r.trial != null);
    for (const id of WITH_TRIAL_POINTS) {
      const f = trials.find((x) => x.id === id)!;
      // 3 trials × 4 runtimes × 3 compared functions (wave, save, search; conc is a variant).
      expect(trialRows(f).length, id).toBe(3 * 4 * 3);
      expect(JSON.stringify(f.spec), id).toContain('"trialValue"');
    }
    for (const f of full) expect(trialRows(f), f.id).toEqual([]);
  });

  it("matches the golden specs", () => {
    const failures: string[] = [];
    for (const f of [...full, ...calibration, ...trials.filter((t) => WITH_TRIAL_POINTS.includes(t.id)).map((t) => ({ ...t, id: `trials--${t.id}` }))]) {
      try {
        checkGolden(f.id, f.spec);
      } catch (e) {
        failures.push((e as Error).message);
      }
    }
    expect(failures).toEqual([]);
  });
});
