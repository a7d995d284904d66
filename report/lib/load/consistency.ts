// Row-level consistency of one dataset with its meta.json, after every field was normalised: each
// row's memory size and runtime must be ones meta.json declares, and a request id names one
// invocation. Rows repeated identically (a log range read twice) are dropped and the count
// recorded; a request id on two different rows is refused. Errors name file, line and field.
import type { DatasetMeta } from "../../../runners/dataset/contract.js";
import type { ColumnValues } from "./csv.js";
import { DatasetError, loadMessages } from "./messages.js";

/** Data line of row i (the header is line 1; dataset writers emit one line per row). */
const lineOf = (row: number): number => row + 2;

/** The runtimes meta.json declares, or null when it declares none (imports name what the logs held). */
function declaredRuntimes(meta: DatasetMeta): string[] | null {
  if (meta.protocol && meta.protocol.runtimes.length > 0) return meta.protocol.runtimes;
  const versions = Object.keys(meta.runtimeVersions);
  return versions.length > 0 ? versions : null;
}

/** Refuses the first row whose memoryMB or runtime contradicts meta.json. */
export function checkRowsMatchMeta(shown: string, columns: Record<string, ColumnValues>, rows: number, meta: DatasetMeta): void {
  const memory = columns.memoryMB as ArrayLike<number> | undefined;
  if (memory) {
    const sizes = new Set(meta.memorySizes);
    for (let i = 0; i < rows; i++) {
      if (!sizes.has(memory[i]!)) throw new DatasetError(loadMessages.memoryNotInMeta(shown, lineOf(i), memory[i]!, meta.memorySizes));
    }
  }
  const declared = declaredRuntimes(meta);
  const runtime = columns.runtime as ArrayLike<string> | undefined;
  if (declared && runtime) {
    const known = new Set(declared);
    for (let i = 0; i < rows; i++) {
      if (i > 0 && runtime[i] === runtime[i - 1]) continue;
      if (!known.has(runtime[i]!)) throw new DatasetError(loadMessages.runtimeNotInMeta(shown, lineOf(i), runtime[i]!, declared));
    }
  }
}

export interface Deduplicated {
  columns: Record<string, ColumnValues>;
  rows: number;
  /** Rows dropped because an earlier row was identical in every field. */
  dropped: number;
}

/** Drops rows identical to an earlier row with the same request id; refuses a request id on two different rows. */
export function dropDuplicateInvocations(shown: string, columns: Record<string, ColumnValues>, rows: number): Deduplicated {
  const ids = columns.requestId as ArrayLike<string>;
  let keep: Uint8Array | null = null;
  let dropped = 0;
  forEachRepeatedId(ids, rows, (i, first) => {
    const differs = Object.keys(columns).find((name) => !Object.is(columns[name]![first], columns[name]![i]));
    if (differs !== undefined) throw new DatasetError(loadMessages.duplicateRequestId(shown, lineOf(i), ids[i]!, lineOf(first), differs));
    keep ??= new Uint8Array(rows).fill(1);
    keep[i] = 0;
    dropped++;
  });
  if (!keep) return { columns, rows, dropped: 0 };
  const kept: Record<string, ColumnValues> = {};
  for (const [name, values] of Object.entries(columns)) kept[name] = filterColumn(values, keep, rows - dropped);
  return { columns: kept, rows: rows - dropped, dropped };
}

/**
 * Calls `repeat(row, firstRow)` for each row whose id an earlier row has, in row order. The first
 * rows are kept in an open-addressing table of row numbers keyed by a hash of the id: a Map of a
 * million fresh strings took half a second of a million-row build, this about a tenth.
 */
function forEachRepeatedId(ids: ArrayLike<string>, rows: number, repeat: (row: number, firstRow: number) => void): void {
  let size = 2;
  while (size < rows * 2) size *= 2;
  const mask = size - 1;
  const slots = new Int32Array(size).fill(-1);
  for (let i = 0; i < rows; i++) {
    const id = ids[i]!;
    let slot = stringHash(id) & mask;
    for (;;) {
      const row = slots[slot]!;
      if (row < 0) {
        slots[slot] = i;
        break;
      }
      if (ids[row] === id) {
        repeat(i, row);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
}

/** FNV-1a over the UTF-16 units, then murmur3's finaliser so that ids differing in one place spread over the table. */
function stringHash(text: string): number {
  let h = 0x811c9dc5;
  for (let c = 0; c < text.length; c++) h = Math.imul(h ^ text.charCodeAt(c), 0x01000193);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function filterColumn(values: ColumnValues, keep: Uint8Array, n: number): ColumnValues {
  if (values instanceof Float64Array) {
    const out = new Float64Array(n);
    for (let i = 0, k = 0; i < keep.length; i++) if (keep[i]) out[k++] = values[i]!;
    return out;
  }
  return (values as unknown[]).filter((_, i) => keep[i] === 1) as ColumnValues;
}
