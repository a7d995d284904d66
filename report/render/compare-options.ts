// Command-line input → CompareBuildOptions for `npm run report -- --compare <a> <b>` (STYLE habit 9).
import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { ComparisonOptions } from "../lib/sections/comparison.js";
import type { CompareBuildOptions } from "./compare-build.js";
import { compareRenderMessages as say } from "./compare-messages.js";
import { ReportBuildError } from "./messages.js";
import { normalizeOutputOptions, type RawReportOptions } from "./options.js";
import { repoRoot } from "./paths.js";
import { normalizeSectionOptions } from "./section-options.js";

export interface RawCompareOptions extends RawReportOptions {
  compare?: string[];
  minEffect?: string;
}

export const compareDefaults = {
  site: join(repoRoot, "report", "site-compare"),
  pdf: join(repoRoot, "report", "lambench-comparison.pdf"),
};

export function normalizeCompareOptions(raw: RawCompareOptions, log: (line: string) => void, cwd = process.cwd()): CompareBuildOptions {
  const dirs = raw.compare ?? [];
  if (dirs.length !== 2) throw new ReportBuildError(say.compareArity(dirs.length));
  if (raw.data !== undefined) throw new ReportBuildError(say.compareConflict("--data"));
  if (raw.section !== undefined) throw new ReportBuildError(say.compareConflict("--section"));
  const [baseline, candidate] = dirs.map((d) => resolve(cwd, d)) as [string, string];
  if (baseline === candidate) throw new ReportBuildError(say.sameRun(baseline));
  for (const dir of [baseline, candidate]) if (!isComplete(dir)) throw new ReportBuildError(say.notComplete(dir));

  const { prices: _unused, ...sectionOptions } = normalizeSectionOptions({ billingRule: raw.billingRule, seed: raw.seed, resamples: raw.resamples }, cwd);
  const options: ComparisonOptions = { ...sectionOptions };
  if (raw.prices !== undefined) throw new ReportBuildError(say.compareConflict("--prices"));
  if (raw.minEffect !== undefined) {
    const value = Number(raw.minEffect);
    if (raw.minEffect.trim() === "" || !Number.isFinite(value) || value < 0) throw new ReportBuildError(say.badMinEffect(raw.minEffect));
    options.minEffect = value;
  }
  return {
    baseline,
    candidate,
    ...normalizeOutputOptions(raw, cwd, compareDefaults),
    options,
    log,
  };
}

function isComplete(dir: string): boolean {
  try {
    return existsSync(dir) && (JSON.parse(readFileSync(join(dir, "meta.json"), "utf8")) as { complete?: unknown }).complete === true;
  } catch {
    return false;
  }
}
