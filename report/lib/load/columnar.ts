// A checked dataset in columnar form: the tables loadDatasets made of one dataset folder (every
// field normalised, rows checked against meta.json, repeated rows dropped; request ids and
// timestamps checked but not copied, see NOT_COPIED), as Arrow IPC files
// written and read with arquero, next to an entry naming the dataset and its validated meta.json.
// The report build writes one per dataset (report/render/cache.ts decides where, and checks an
// entry before using it); the notebook kernels read it instead of parsing and checking the CSVs.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import * as aq from "arquero";
import type { ColumnTable } from "arquero";
import { Batch, Column, columnFromArray, dictionary, float64, tableFromColumns, tableToIPC, Type, utf8, type DataType } from "@uwdata/flechette";
import { writeFileAtomic } from "../../../runners/dataset/atomic.js";
import type { DatasetMeta } from "../../../runners/dataset/contract.js";
import { invocationFields, requestFields, type FieldSpec } from "./normalise.js";

export const COLUMNAR_FORMAT = "lambench.columnar/1" as const;
export const COLUMNAR_FILES = { entry: "dataset.json", invocations: "invocations.arrow", requests: "requests.arrow" } as const;

export interface ColumnarFile {
  name: string;
  bytes: number;
  sha256: string;
}

/** The entry file: which dataset, as loaded (meta.json validated, corrections made), and its files. */
export interface ColumnarEntry {
  format: typeof COLUMNAR_FORMAT;
  key: string;
  dataset: { name: string; meta: DatasetMeta; corrections: string[] };
  files: { invocations: ColumnarFile; requests: ColumnarFile };
}

/** A string column with at most this many distinct values is stored dictionary-encoded. */
const DICTIONARY_MAX = 1 << 16;

/**
 * One table as Arrow IPC bytes: the columns `fields` names (the file's own, not the ones the loader
 * adds). Numbers encode as Float64 (typed arrays as themselves), strings with few distinct values
 * dictionary-encoded, free text (instance ids of a large AWS dataset) as UTF-8 in one pass (utf8Column).
 */
export function encodeTable(table: ColumnTable, fields: Record<string, FieldSpec>): Uint8Array {
  const names = Object.keys(fields);
  // The loader's tables are plain columns in row order; anything else takes arquero's general path.
  if (table.isFiltered() || table.isOrdered()) return aq.toArrowIPC(table, { columns: names, types: typesOf(table, fields), format: "file" });
  const types = typesOf(table, fields);
  const columns = names.map((name): [string, Column<unknown>] => {
    const values = table.column(name) as unknown as ArrayLike<unknown>;
    const type = types[name];
    const text = type?.typeId === Type.Utf8 && values.length > 0 && allStrings(values);
    return [name, text ? utf8Column(values as ArrayLike<string>) : columnFromArray(values as unknown[], type)];
  });
  return tableToIPC(tableFromColumns(columns), { format: "file" })!; // null only when writing to a sink
}

/** Each column's Arrow type; none for a typed array, which encodes as itself. */
function typesOf(table: ColumnTable, fields: Record<string, FieldSpec>): Record<string, DataType> {
  const types: Record<string, DataType> = {};
  for (const name of Object.keys(fields)) {
    const values = table.column(name) as unknown as ArrayLike<unknown>;
    // A dataset of averages (imported from aws-lambda-power-tuning) has no invocation rows: an
    // empty column's type cannot be inferred, and an empty dictionary does not read back.
    const empty = values.length === 0;
    if (values instanceof Float64Array && !empty) continue;
    types[name] = fields[name]!.kind === "string" ? (!empty && fewDistinct(values as ArrayLike<string>) ? dictionary(utf8()) : utf8()) : float64();
  }
  return types;
}

/** flechette's batch class for UTF-8 values (not exported), from a one-value column. */
const Utf8Batch = columnFromArray([""], utf8()).data[0]!.constructor as new (options: {
  length: number;
  nullCount: number;
  type: DataType;
  validity: Uint8Array;
  values: Uint8Array;
  offsets: Int32Array;
}) => Batch<string>;

/**
 * A UTF-8 column of strings (none null) in one batch: all values encoded at once, offsets from
 * their lengths (a string's length in UTF-16 units is its UTF-8 length when every character is
 * ASCII, which the total tells). flechette encodes value by value, most of a copy's time at a
 * million rows.
 */
function utf8Column(values: ArrayLike<string>): Column<string> {
  const n = values.length;
  const list = Array.isArray(values) ? (values as string[]) : Array.from(values);
  const joined = list.join("");
  const bytes = Buffer.from(joined, "utf8");
  const ascii = bytes.length === joined.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0, at = 0; i < n; i++) offsets[i + 1] = at += ascii ? list[i]!.length : Buffer.byteLength(list[i]!, "utf8");
  const batch = new Utf8Batch({ length: n, nullCount: 0, type: utf8(), validity: new Uint8Array(0), values: bytes, offsets });
  return new Column([batch]);
}

/**
 * Arrow IPC bytes as plain columns: numbers as Float64Arrays (nullable ones as arrays with nulls),
 * dictionary strings as arrays of shared strings; free-text columns (instance ids of a large AWS
 * dataset) stay Arrow columns, decoded only where a value is read. With `strings: "lazy"` every
 * string column stays so (the requests table, which the analysis does not read).
 */
export function decodeColumns(bytes: Uint8Array, strings: "arrays" | "lazy" = "arrays"): DecodedColumns {
  const arrow = aq.fromArrow(bytes);
  const columns: Record<string, unknown> = {};
  for (const name of arrow.columnNames()) {
    const column = arrow.column(name) as unknown as { type?: { typeId: number }; toArray(): unknown };
    const numeric = column.type?.typeId === Type.Float;
    columns[name] = !numeric && (strings === "lazy" || column.type?.typeId === Type.Utf8) ? column : column.toArray();
  }
  return { columns, rows: arrow.numRows() };
}

export interface DecodedColumns {
  columns: Record<string, unknown>;
  rows: number;
}

export function isColumnarDataset(dir: string): boolean {
  return existsSync(join(dir, COLUMNAR_FILES.entry));
}

export function readColumnarEntry(dir: string): ColumnarEntry {
  const entry = JSON.parse(readFileSync(join(dir, COLUMNAR_FILES.entry), "utf8")) as ColumnarEntry;
  if (entry.format !== COLUMNAR_FORMAT) throw new Error(`${join(dir, COLUMNAR_FILES.entry)}: not a ${COLUMNAR_FORMAT} entry`);
  return entry;
}

/** The entry and its tables; the requests table is read when first asked for (the analysis never asks). */
export function readColumnarDataset(dir: string): { entry: ColumnarEntry; invocations: DecodedColumns; requests: () => DecodedColumns } {
  const entry = readColumnarEntry(dir);
  return {
    entry,
    invocations: decodeColumns(readFileSync(join(dir, entry.files.invocations.name))),
    requests: () => decodeColumns(readFileSync(join(dir, entry.files.requests.name)), "lazy"),
  };
}

function allStrings(values: ArrayLike<unknown>): boolean {
  for (let i = 0; i < values.length; i++) if (typeof values[i] !== "string") return false;
  return true;
}

function fewDistinct(values: ArrayLike<string>): boolean {
  const seen = new Set<string>();
  for (let i = 0; i < values.length; i++) {
    if (i > 0 && values[i] === values[i - 1]) continue;
    seen.add(values[i]!);
    if (seen.size > DICTIONARY_MAX) return false;
  }
  return true;
}

export type ColumnarTable = keyof ColumnarEntry["files"];

/** One table of a loaded dataset (invocations or requests) as Arrow IPC bytes. */
export function encodeDatasetTable(which: ColumnarTable, table: ColumnTable): Uint8Array {
  const fields: Record<string, FieldSpec> = which === "invocations" ? invocationFields() : requestFields();
  return encodeTable(table, Object.fromEntries(Object.entries(fields).filter(([name]) => !NOT_COPIED.has(name))));
}

/**
 * Free-text columns checked when the CSVs are read (their format, and request ids naming one
 * invocation) but left out of the copy: no section reads them, and at a million rows they were a
 * third of a copy's bytes and most of its encoding time.
 */
export const NOT_COPIED: ReadonlySet<string> = new Set(["requestId", "timestamp", "startedAt"]);

/** Writes one of a dataset's tables into `dir`, atomically, and returns what an entry records of it. */
export function writeColumnarTable(dir: string, which: ColumnarTable, bytes: Uint8Array): ColumnarFile {
  const name = COLUMNAR_FILES[which];
  writeFileAtomic(join(dir, name), bytes);
  return { name, bytes: bytes.byteLength, sha256: createHash("sha256").update(bytes).digest("hex") };
}
