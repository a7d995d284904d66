// Which memory sizes may be compared: per architecture, one setting per size, all from datasets
// measured under one protocol (lib/comparability.ts), and which datasets that leaves out.
import type { Analysis, Setting } from "../analysis.js";
import { protocolClass, protocolGroups } from "../comparability.js";
import { memo } from "../metrics/memo.js";

/** Architectures present, in load order. */
export const architecturesOf = (a: Analysis): string[] => [...new Set(a.settings.map((s) => s.architecture))];

/** Datasets of one protocol, the memory sizes they hold and how their protocol reads. */
export interface ProtocolSizes {
  datasets: string[];
  sizes: number[];
  fields: Record<string, string>;
}

/**
 * Why datasets were left out of the memory-size comparison: measured under another protocol
 * than the kept ones, or no two sizes share a protocol. `architecture` is named when several are present.
 */
export type SizesExcluded =
  | { kind: "left out"; kept: ProtocolSizes[]; leftOut: ProtocolSizes[]; architecture?: string }
  | { kind: "not comparable"; groups: ProtocolSizes[]; architecture?: string };

export interface SizeSelection {
  /** One setting per memory size, all from datasets of one protocol class. */
  sizes: Setting[];
  /** What was left out of the comparison and why, or null. */
  excluded: SizesExcluded | null;
}

/**
 * The memory sizes of one architecture that may be compared: those of the protocol class
 * covering the most sizes (the first loaded on a tie). A size measured only under another
 * protocol is left out, and `excluded` says which datasets and how their protocols differ.
 */
export function comparableSizes(a: Analysis, architecture: string): SizeSelection {
  return memo(a, `comparableSizes:${architecture}`, () => {
    const metaOf = new Map(a.data.datasets.map((d) => [d.name, d]));
    const classes = new Map<string, Map<number, Setting>>();
    for (const s of a.settings) {
      if (s.architecture !== architecture) continue;
      const key = protocolClass(metaOf.get(s.dataset)!);
      const bySize = classes.get(key) ?? new Map<number, Setting>();
      if (!bySize.has(s.memoryMB)) bySize.set(s.memoryMB, s);
      classes.set(key, bySize);
    }
    const ranked = [...classes.values()].sort((x, y) => y.size - x.size);
    const chosen = [...(ranked[0]?.values() ?? [])].sort((x, y) => x.memoryMB - y.memoryMB);
    if (classes.size < 2) return { sizes: chosen, excluded: null };
    const datasetsIn = (c: Map<number, Setting>) => [...new Set([...c.values()].map((s) => s.dataset))];
    const groups = protocolGroups([...classes.values()].flatMap(datasetsIn).map((n) => metaOf.get(n)!));
    const sizesOf = (names: string[]) =>
      [...new Set(a.settings.filter((s) => s.architecture === architecture && names.includes(s.dataset)).map((s) => s.memoryMB))].sort((x, y) => x - y);
    const described = groups.map((g) => ({ datasets: g.datasets, sizes: sizesOf(g.datasets), fields: g.fields }));
    const named = architecturesOf(a).length > 1 ? { architecture } : {};
    if (chosen.length >= 2) {
      const kept = datasetsIn(ranked[0]!);
      const isKept = (g: ProtocolSizes) => g.datasets.some((n) => kept.includes(n));
      return { sizes: chosen, excluded: { kind: "left out", kept: described.filter(isKept), leftOut: described.filter((g) => !isKept(g)), ...named } };
    }
    const distinctSizes = new Set([...classes.values()].flatMap((c) => [...c.keys()]));
    return { sizes: chosen, excluded: distinctSizes.size >= 2 ? { kind: "not comparable", groups: described, ...named } : null };
  });
}

/**
 * One setting per memory size (the first loaded) of one architecture (default: all), smallest size
 * first, then by architecture; only datasets of one protocol are combined (comparableSizes).
 */
export function settingsBySize(a: Analysis, architecture?: string): Setting[] {
  const archOrder = architecturesOf(a);
  const sizes = (architecture === undefined ? archOrder : [architecture]).flatMap((arch) => comparableSizes(a, arch).sizes);
  return sizes.sort((x, y) => x.memoryMB - y.memoryMB || archOrder.indexOf(x.architecture) - archOrder.indexOf(y.architecture));
}
