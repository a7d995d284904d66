// Statistics per function and runtime of one setting, pooled or per trial, with the runtimes'
// report labels next to their ids: what most findings are read from (cached per analysis).
import { runtimeLabels, settingOf, type Analysis } from "../analysis.js";
import { GROUP_KEYS, SETTING_KEYS } from "../metrics/grouping.js";
import { memo } from "../metrics/memo.js";
import { summarise, type Statistic } from "../metrics/statistics.js";
import { round } from "../narrative/format.js";
import { bootstrapSummary, hasTrials, orderStatisticGroups, TRIAL_COLUMN, trialScope, type BootstrapOptions, type TrialScope } from "../uncertainty/index.js";

/** The fewest and most trials of any group: what the interval notes and the Method section say. */
export const trialScopeOf = (a: Analysis): TrialScope => memo(a, "trialScope", () => trialScope(a.table, GROUP_KEYS));

/** Groups whose percentile intervals are the exact order-statistic ones (very large one-trial groups): what the Method section says. */
export const orderStatisticGroupsOf = (a: Analysis): number => memo(a, "orderStatisticGroups", () => orderStatisticGroups(a.table, GROUP_KEYS));

/** A statistic row with readable setting and runtime labels next to the ids. */
export interface StatRow {
  setting: string;
  dataset: string;
  memoryMB: number;
  architecture: string;
  function: string;
  runtimeId: string;
  runtime: string;
  [stat: string]: string | number | null;
}

/**
 * Statistics of `value` per setting × runtime × function, for the compared functions (or
 * `functions`). With `bootstrap`, each statistic also gets `<stat>Lower` and `<stat>Upper`.
 */
export function perFunction(a: Analysis, value: string, stats: readonly Statistic[], functions = a.functions, bootstrap?: BootstrapOptions): StatRow[] {
  const key = `perFunction:${value}:${stats.map((s) => JSON.stringify(s)).join("|")}:${JSON.stringify(bootstrap ?? null)}`;
  const all = memo(
    a,
    key,
    () =>
      (bootstrap ? bootstrapSummary(a.table, GROUP_KEYS, value, stats, bootstrap) : summarise(a.table, GROUP_KEYS, value, stats)).objects() as Record<
        string,
        unknown
      >[],
  );
  const labelOf = runtimeLabels(a.runtimes);
  return all
    .filter((r) => functions.includes(r.function as string))
    .map((r) => {
      const setting = a.settings.find((s) => SETTING_KEYS.every((k) => s[k] === r[k]))!;
      return { ...(r as StatRow), setting: setting.label, runtimeId: r.runtime as string, runtime: labelOf(r.runtime as string) };
    });
}

/** One trial's value of a statistic for one function and runtime (figures draw these over the pooled value). */
export interface TrialValueRow {
  setting: string;
  function: string;
  runtime: string;
  trial: number;
  trialValue: number | null;
}

/** `statistic` of `value` per setting × runtime × function × trial; none when the data has one trial. */
export function perTrial(a: Analysis, value: string, statistic: Statistic, functions = a.functions): TrialValueRow[] {
  if (!hasTrials(a.table)) return [];
  const all = memo(
    a,
    `perTrial:${value}:${JSON.stringify(statistic)}`,
    () => summarise(a.table, [...GROUP_KEYS, TRIAL_COLUMN], value, [statistic]).objects() as Record<string, unknown>[],
  );
  const labelOf = runtimeLabels(a.runtimes);
  return all
    .filter((r) => functions.includes(r.function as string) && r[statistic.name] !== null)
    .map((r) => ({
      setting: settingOf(a, r).label,
      function: r.function as string,
      runtime: labelOf(r.runtime as string),
      trial: r[TRIAL_COLUMN] as number,
      trialValue: round(r[statistic.name] as number),
    }));
}

/** Where the trials of one setting and function disagree on which runtime is lowest. */
export interface TrialDisagreement {
  setting: string;
  function: string;
  /** Each runtime that was lowest in some trial, with those trials. */
  leaders: { runtime: string; trials: number[] }[];
}

/**
 * Where the trials disagree on which runtime has the lowest value of a function: per setting and
 * function, each runtime that was lowest in some trial with those trials (only where that is more
 * than one runtime). Ties in a trial count for every tied runtime.
 */
export function trialDisagreements(rows: readonly TrialValueRow[]): TrialDisagreement[] {
  const groups = new Map<string, TrialValueRow[]>();
  for (const r of rows) {
    if (r.trialValue === null) continue;
    const k = JSON.stringify([r.setting, r.function]);
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups].flatMap(([k, group]) => {
    const [setting, fn] = JSON.parse(k) as [string, string];
    const byTrial = new Map<number, TrialValueRow[]>();
    for (const r of group) byTrial.set(r.trial, [...(byTrial.get(r.trial) ?? []), r]);
    const leaders = new Map<string, number[]>();
    for (const [trial, inTrial] of [...byTrial].sort((x, y) => x[0] - y[0])) {
      if (inTrial.length < 2) continue;
      const lowest = Math.min(...inTrial.map((r) => r.trialValue!));
      for (const r of inTrial) if (r.trialValue === lowest) leaders.set(r.runtime, [...(leaders.get(r.runtime) ?? []), trial]);
    }
    return leaders.size > 1 ? [{ setting, function: fn, leaders: [...leaders].map(([runtime, trials]) => ({ runtime, trials })) }] : [];
  });
}
