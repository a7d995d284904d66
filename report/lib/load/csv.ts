// Reads a dataset CSV into typed columns with a byte-level scanner: numbers go straight from the
// file's bytes into Float64Arrays, enumerated strings (runtime, function…) are matched as bytes
// and shared, so a million rows make no per-row records or per-field strings beyond the free-text
// columns. The scanner reads the plain subset the dataset writers emit (LF line ends, RFC 4180
// quoting); anything else (CR, a stray quote, a short or long record) goes to the csv-parse
// reader, which then also words every syntax error. Field values and errors come from the one
// normaliser either way.
import { isAscii } from "node:buffer";
import { existsSync, statSync } from "node:fs";
import { open } from "node:fs/promises";
import type { ColumnValues, CsvColumns, CsvOptions } from "./csv-columns.js";
import { readCsvColumnsWithCsvParse } from "./csv-parse-reader.js";
import { parseDecimal } from "./decimal.js";
import { columnOrder } from "./header.js";
import { DatasetError, loadMessages } from "./messages.js";
import { Refusal, type FieldSpec, type FieldValue } from "./normalise.js";

export type { ColumnValues, CsvColumns, CsvOptions } from "./csv-columns.js";

export async function readCsvColumns(path: string, fields: Record<string, FieldSpec>, options: CsvOptions = {}): Promise<CsvColumns> {
  return (await readPlainCsvColumns(path, fields, options)) ?? readCsvColumnsWithCsvParse(path, fields, options);
}

/** The scanner alone: null when the file is not plain CSV (the csv-parse reader must read it). */
export async function readPlainCsvColumns(path: string, fields: Record<string, FieldSpec>, options: CsvOptions = {}): Promise<CsvColumns | null> {
  const shown = options.shown ?? path;
  if (!existsSync(path)) throw new DatasetError(loadMessages.missingFile(shown));
  const size = statSync(path).size;
  if (size === 0) throw new DatasetError(loadMessages.emptyFile(shown));
  const capacity = Math.max(1024, Math.min(options.expectedRows ?? 0, Math.ceil(size / Object.keys(fields).length)));
  const scanner = new PlainCsvScanner(fields, shown, capacity);
  try {
    await scanner.scanFile(path, options.chunkBytes ?? CHUNK_BYTES);
  } catch (e) {
    if (e instanceof NotPlain) return null;
    throw e;
  }
  return scanner.result(options.allowNoRows ?? false);
}

/** The file leaves the subset the scanner reads: csv-parse reads it instead. */
class NotPlain extends Error {}

const [COMMA, LF, CR, QUOTE] = [0x2c, 0x0a, 0x0d, 0x22];
const BOM = [0xef, 0xbb, 0xbf];
const CHUNK_BYTES = 1 << 22;
/** A record is cut at the end of the bytes read so far. */
const INCOMPLETE = -1;

const Kind = { Number: 0, NullableNumber: 1, Enumerated: 2, Text: 3 } as const;
type Kind = (typeof Kind)[keyof typeof Kind];

/** Where one header position's values go. */
class Target {
  readonly kind: Kind;
  numbers = new Float64Array(0);
  values: FieldValue[] = [];
  readonly allowed: readonly string[];
  readonly allowedBytes: Uint8Array[];
  /** Index into `allowed` that matched last (runs of equal values are the rule). */
  lastMatch = 0;
  /** Text values seen so far, shared across rows, until there are too many to be worth it (unique ids). */
  interned: Map<string, string> | null = new Map();
  /** While `interned` lives: each accepted text value by the hash of its bytes, so a repeated one is neither decoded nor converted again. */
  readonly byBytes = new Map<number, { bytes: Uint8Array; value: FieldValue }>();

  constructor(
    readonly name: string,
    /** Position in contract order: the first refused field in this order is the one reported. */
    readonly rank: number,
    readonly spec: FieldSpec,
  ) {
    this.allowed = spec.allowed ?? [];
    this.allowedBytes = this.allowed.map((a) => Buffer.from(a, "utf8"));
    this.kind = spec.kind === "number" ? Kind.Number : spec.kind === "nullableNumber" ? Kind.NullableNumber : spec.allowed ? Kind.Enumerated : Kind.Text;
  }
}

interface Refused {
  target: Target;
  raw: string;
  reason: string;
}

class PlainCsvScanner {
  private header: string[] | null = null;
  /** By header position; null for a repeated header name (the first occurrence is read, as csv-parse's reader does). */
  private targets: (Target | null)[] = [];
  private numberTargets: Target[] = [];
  private width = 0;
  private rows = 0;
  private capacity: number;
  private line = 1;
  private refused: Refused | null = null;
  private failure: DatasetError | null = null;
  private headerFields: string[] = [];
  /** Whether the bytes being scanned are all ASCII. */
  private ascii = false;

  constructor(
    private readonly fields: Record<string, FieldSpec>,
    private readonly shown: string,
    capacity: number,
  ) {
    this.capacity = capacity;
  }

  async scanFile(path: string, chunkBytes: number): Promise<void> {
    const file = await open(path, "r");
    try {
      let buf = Buffer.allocUnsafe(chunkBytes);
      let kept = 0;
      let first = true;
      for (;;) {
        if (kept === buf.length) {
          // One record longer than the buffer: grow it.
          const bigger = Buffer.allocUnsafe(buf.length * 2);
          buf.copy(bigger, 0, 0, kept);
          buf = bigger;
        }
        const { bytesRead } = await file.read(buf, kept, buf.length - kept, null);
        if (buf.subarray(kept, kept + bytesRead).includes(CR)) throw new NotPlain();
        const end = kept + bytesRead;
        const eof = bytesRead === 0;
        let start = 0;
        if (first) {
          if (end < BOM.length && !eof) {
            kept = end; // too few bytes yet to tell whether the file starts with a BOM
            continue;
          }
          if (end >= BOM.length && BOM.every((b, i) => buf[i] === b)) start = BOM.length;
          first = false;
        }
        this.ascii = isAscii(buf.subarray(0, end));
        const consumed = this.scan(buf, start, end, eof);
        if (eof) return;
        buf.copy(buf, 0, consumed, end);
        kept = end - consumed;
      }
    } finally {
      await file.close();
    }
  }

  result(allowNoRows: boolean): CsvColumns {
    if (this.failure) throw this.failure;
    if (this.header === null) throw new DatasetError(loadMessages.emptyFile(this.shown));
    if (this.rows === 0 && !allowNoRows) throw new DatasetError(loadMessages.noRows(this.shown));
    const columns: Record<string, ColumnValues> = {};
    const byName = new Map(this.targets.filter((t): t is Target => t !== null).map((t) => [t.name, t]));
    for (const name of Object.keys(this.fields)) {
      const t = byName.get(name);
      if (!t) {
        columns[name] = absentColumn(this.fields[name]!, this.rows);
        continue;
      }
      if (t.kind === Kind.Number) columns[name] = t.numbers.length === this.rows ? t.numbers : t.numbers.slice(0, this.rows);
      else {
        t.values.length = this.rows;
        columns[name] = t.values as (number | null)[] | string[];
      }
    }
    return { columns, rows: this.rows };
  }

  /** Scans whole records in buf[start, end); returns where the first incomplete one starts. */
  private scan(buf: Buffer, start: number, end: number, eof: boolean): number {
    let pos = start;
    while (pos < end) {
      if (buf[pos] === LF) {
        // skip_empty_lines
        pos++;
        this.line++;
        continue;
      }
      const line = this.line;
      const next = this.record(buf, pos, end, eof);
      if (next === INCOMPLETE) {
        this.line = line;
        return pos;
      }
      pos = next;
    }
    return pos;
  }

  /** One record from `pos`: the position after it, or INCOMPLETE. */
  private record(buf: Buffer, pos: number, end: number, eof: boolean): number {
    const isHeader = this.header === null;
    if (isHeader) this.headerFields = [];
    else if (this.rows >= this.capacity) this.grow();
    this.refused = null;
    for (let col = 0; ; col++) {
      if (!isHeader && col >= this.width) throw new NotPlain();
      let p = pos;
      if (p < end && buf[p] === QUOTE) {
        // Quoted field: "" is one quote; newlines inside count as lines, as csv-parse counts them.
        const parts: string[] = [];
        let from = ++p;
        for (;;) {
          if (p >= end) {
            if (eof) throw new NotPlain();
            return INCOMPLETE;
          }
          const b = buf[p]!;
          if (b === QUOTE) {
            if (p + 1 >= end && !eof) return INCOMPLETE;
            parts.push(decode(buf, from, p, this.ascii));
            if (buf[p + 1] === QUOTE && p + 1 < end) {
              parts.push('"');
              p += 2;
              from = p;
              continue;
            }
            p++;
            break;
          }
          if (b === LF) this.line++;
          p++;
        }
        if (p < end && buf[p] !== COMMA && buf[p] !== LF) throw new NotPlain();
        if (p >= end && !eof) return INCOMPLETE;
        this.textField(isHeader, col, parts.join(""));
      } else {
        for (; p < end; p++) {
          const b = buf[p]!;
          // One comparison for most bytes: the three that matter are all ≤ ",".
          if (b <= COMMA && (b === COMMA || b === LF || b === QUOTE)) {
            if (b === QUOTE) throw new NotPlain();
            break;
          }
        }
        if (p >= end && !eof) return INCOMPLETE;
        if (isHeader) this.headerFields.push(decode(buf, pos, p, this.ascii));
        else if (this.failure === null) this.bytesField(col, buf, pos, p);
      }
      if (p < end && buf[p] === COMMA) {
        pos = p + 1;
        continue;
      }
      // End of record: a newline or the end of the file.
      const line = this.line;
      if (p < end) this.line++;
      this.endRecord(isHeader, col + 1, line);
      return p < end ? p + 1 : p;
    }
  }

  private endRecord(isHeader: boolean, fieldCount: number, line: number): void {
    if (isHeader) {
      this.header = this.headerFields;
      this.width = this.header.length;
      this.targets = this.header.map(() => null);
      try {
        columnOrder(this.header, this.fields, this.shown).forEach((c, rank) => {
          if (c.index >= 0) this.targets[c.index] = new Target(c.name, rank, c.spec);
        });
      } catch (e) {
        this.failure = e instanceof DatasetError ? e : new DatasetError(String(e));
      }
      this.numberTargets = this.targets.filter((t): t is Target => t?.kind === Kind.Number);
      for (const t of this.numberTargets) t.numbers = new Float64Array(this.capacity);
      return;
    }
    if (fieldCount !== this.width) throw new NotPlain();
    if (this.failure) return;
    if (this.refused) {
      const { target, raw, reason } = this.refused;
      this.failure = new DatasetError(loadMessages.badField(this.shown, line, target.name, raw, reason));
      return;
    }
    this.rows++;
  }

  private grow(): void {
    this.capacity *= 2;
    for (const t of this.numberTargets) {
      const bigger = new Float64Array(this.capacity);
      bigger.set(t.numbers);
      t.numbers = bigger;
    }
  }

  private textField(isHeader: boolean, col: number, text: string): void {
    if (isHeader) this.headerFields.push(text);
    else if (this.failure === null) {
      const t = this.targets[col];
      if (t) this.convert(t, text);
    }
  }

  /** An unquoted field buf[from, to): the fast paths, else the normaliser on its text. */
  private bytesField(col: number, buf: Buffer, from: number, to: number): void {
    const t = this.targets[col];
    if (!t) return;
    const row = this.rows;
    switch (t.kind) {
      case Kind.Number:
      case Kind.NullableNumber: {
        const n = from < to ? parseDecimal(buf, from, to) : NaN;
        if (n !== n) break;
        const value = t.spec.check!(n);
        if (value instanceof Refusal) this.refuse(t, decode(buf, from, to, this.ascii), value);
        else if (t.kind === Kind.Number) t.numbers[row] = value;
        else t.values[row] = value;
        return;
      }
      case Kind.Enumerated: {
        const k = matchBytes(t, buf, from, to);
        if (k < 0) break;
        t.values[row] = t.allowed[k]!;
        return;
      }
      case Kind.Text:
        if (t.interned === null) break;
        this.repeatedText(t, buf, from, to);
        return;
    }
    this.convert(t, decode(buf, from, to, this.ascii));
  }

  /**
   * A text field of a column with few distinct values (runtime, function, instance…): a value whose
   * bytes were accepted before is that value again (the converters are pure); a new one is decoded,
   * converted and remembered.
   */
  private repeatedText(t: Target, buf: Buffer, from: number, to: number): void {
    const hash = hashBytes(buf, from, to);
    const seen = t.byBytes.get(hash);
    if (seen !== undefined && sameBytes(seen.bytes, buf, from, to)) {
      t.values[this.rows] = seen.value;
      return;
    }
    const text = decode(buf, from, to, this.ascii);
    const value = t.spec.convert(text);
    if (value instanceof Refusal) {
      this.refuse(t, text, value);
      return;
    }
    const shared = typeof value === "string" ? intern(t, value) : value;
    t.values[this.rows] = shared;
    if (t.interned === null)
      t.byBytes.clear(); // too many distinct values (unique ids): no more remembering
    else if (seen === undefined) t.byBytes.set(hash, { bytes: new Uint8Array(buf.subarray(from, to)), value: shared });
  }

  private convert(t: Target, text: string): void {
    const value = t.spec.convert(text);
    if (value instanceof Refusal) this.refuse(t, text, value);
    else if (t.kind === Kind.Number) t.numbers[this.rows] = value as number;
    else if (t.kind === Kind.Text && t.interned && typeof value === "string") t.values[this.rows] = intern(t, value);
    else t.values[this.rows] = value;
  }

  private refuse(target: Target, raw: string, refusal: Refusal): void {
    if (!this.refused || target.rank < this.refused.target.rank) this.refused = { target, raw, reason: refusal.reason };
  }
}

/** An optional column the file lacks: its `absent` value on every row. */
function absentColumn(spec: FieldSpec, rows: number): ColumnValues {
  const value = spec.absent!;
  if (spec.kind === "number") return new Float64Array(rows).fill(value as number);
  return new Array<FieldValue>(rows).fill(value) as (number | null)[] | string[];
}

const INTERN_LIMIT = 4096;

function intern(t: Target, value: string): string {
  const seen = t.interned!.get(value);
  if (seen !== undefined) return seen;
  if (t.interned!.size >= INTERN_LIMIT) t.interned = null;
  else t.interned!.set(value, value);
  return value;
}

interface NativeSlices {
  utf8Slice?(start: number, end: number): string;
  latin1Slice?(start: number, end: number): string;
}
const native = Buffer.prototype as unknown as NativeSlices;
const fastSlices = typeof native.utf8Slice === "function" && typeof native.latin1Slice === "function";

/**
 * buf.toString("utf8", start, end) without its argument handling (most of its cost on short
 * fields); bytes known to be ASCII decode the same as Latin-1, which needs no validation.
 */
function decode(buf: Buffer, start: number, end: number, ascii: boolean): string {
  if (!fastSlices) return buf.toString("utf8", start, end);
  const b = buf as unknown as Required<NativeSlices>;
  return ascii ? b.latin1Slice(start, end) : b.utf8Slice(start, end);
}

/** FNV-1a of buf[from, to). */
function hashBytes(buf: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h;
}

function sameBytes(bytes: Uint8Array, buf: Uint8Array, from: number, to: number): boolean {
  if (bytes.length !== to - from) return false;
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== buf[from + i]) return false;
  return true;
}

/** Index of the allowed value whose UTF-8 bytes are buf[from, to), or -1. */
function matchBytes(t: Target, buf: Buffer, from: number, to: number): number {
  const n = t.allowedBytes.length;
  for (let j = 0; j < n; j++) {
    const k = (t.lastMatch + j) % n;
    const candidate = t.allowedBytes[k]!;
    if (candidate.length !== to - from) continue;
    let i = 0;
    while (i < candidate.length && candidate[i] === buf[from + i]) i++;
    if (i === candidate.length) {
      t.lastMatch = k;
      return k;
    }
  }
  return -1;
}
