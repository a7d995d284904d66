// Which datasets may be combined into a cross-dataset finding (a memory-size effect, a sweep):
// those measured under one protocol. A dataset's protocol class is its recorded protocol (target,
// requests, concurrency, warm-up, pause, table priming, runtimes, functions, trials); a dataset with no recorded
// protocol (an import or a collection) is comparable only within its own campaign.
import type { DatasetMeta } from "../../runners/dataset/contract.js";
import type { LoadedDataset } from "./load/datasets.js";

/** The protocol's fields as readable values, in the order they are listed. */
export function protocolFields(meta: DatasetMeta): Record<string, string> {
  if (!meta.protocol) return { protocol: `none recorded (${meta.source.kind}${meta.campaign ? ` ${meta.campaign}` : ""})` };
  const p = meta.protocol;
  return {
    target: meta.target,
    "requests per function": String(p.requestsPerFunction),
    concurrency: String(p.concurrency),
    "warm-up requests": String(p.warmupRequests),
    pause: `${p.pauseMs} ms`,
    "table primed before trial 1": p.tablePrimedBy ? "yes" : "no",
    runtimes: p.runtimes.join(", "),
    functions: p.functions.join(", "),
    // A stopping rule is the protocol, not the count it happened to stop at.
    trials: meta.trials?.stopping
      ? `until every median is within ±${+(meta.trials.stopping.targetPrecision * 100).toFixed(2)} % (${meta.trials.stopping.minTrials}–${meta.trials.stopping.maxTrials})`
      : String(meta.trials?.count ?? 1),
  };
}

/** Equal for datasets that may be combined: same recorded protocol, or (none recorded) same campaign. */
export function protocolClass(d: Pick<LoadedDataset, "name" | "meta">): string {
  if (d.meta.protocol) return `protocol:${JSON.stringify(protocolFields(d.meta))}`;
  return d.meta.campaign ? `campaign:${d.meta.campaign}` : `dataset:${d.name}`;
}

export interface ProtocolGroup {
  datasets: string[];
  /** Only the fields whose values differ between the groups (all fields when there is one group). */
  fields: Record<string, string>;
}

/** The datasets grouped by protocol class (first-seen order), each described by what sets it apart. */
export function protocolGroups(datasets: readonly Pick<LoadedDataset, "name" | "meta">[]): ProtocolGroup[] {
  const groups = new Map<string, { datasets: string[]; fields: Record<string, string> }>();
  for (const d of datasets) {
    const key = protocolClass(d);
    const g = groups.get(key);
    if (g) g.datasets.push(d.name);
    else groups.set(key, { datasets: [d.name], fields: protocolFields(d.meta) });
  }
  const all = [...groups.values()];
  const names = [...new Set(all.flatMap((g) => Object.keys(g.fields)))];
  const differing = names.filter((n) => new Set(all.map((g) => g.fields[n] ?? "—")).size > 1);
  return all.map((g) => ({ datasets: g.datasets, fields: Object.fromEntries(differing.map((n) => [n, g.fields[n] ?? "—"])) }));
}
