// Streams a dataset CSV through csv-parse into typed columns, converting each field as it
// arrives so a million rows never exist as an array of string records.
import { createReadStream, existsSync, statSync } from "node:fs";
import { parse } from "csv-parse";
import { DatasetError, loadMessages } from "./messages.js";
import { Refusal, type FieldSpec } from "./normalise.js";

export type ColumnValues = Float64Array | (number | null)[] | string[];

export interface CsvColumns {
  columns: Record<string, ColumnValues>;
  rows: number;
}

export interface CsvOptions {
  /** A header-only file is valid (requests.csv of a dataset collected from CloudWatch has no client rows). */
  allowNoRows?: boolean;
  /** The path as the user gave it, for messages; defaults to `path`. */
  shown?: string;
}

export async function readCsvColumns(path: string, fields: Record<string, FieldSpec>, options: CsvOptions = {}): Promise<CsvColumns> {
  const shown = options.shown ?? path;
  if (!existsSync(path)) throw new DatasetError(loadMessages.missingFile(shown));
  if (statSync(path).size === 0) throw new DatasetError(loadMessages.emptyFile(shown));

  const names = Object.keys(fields);
  const store: Record<string, (string | number | null)[]> = Object.fromEntries(names.map((n) => [n, []]));
  // Position of each contract column in the file's header, fixed when the header arrives.
  let order: { name: string; index: number; spec: FieldSpec; values: (string | number | null)[] }[] | null = null;
  let rows = 0;
  let failure: DatasetError | null = null;

  const readHeader = (header: string[]) => {
    for (const h of header) if (!(h in fields)) throw new DatasetError(loadMessages.unknownColumn(shown, h));
    order = names.map((name) => {
      const index = header.indexOf(name);
      if (index < 0) throw new DatasetError(loadMessages.missingColumn(shown, name));
      return { name, index, spec: fields[name]!, values: store[name]! };
    });
  };

  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    on_record: (record: string[], context) => {
      if (failure) return null;
      try {
        if (order === null) {
          readHeader(record);
          return null;
        }
        for (const col of order) {
          const raw = record[col.index] ?? "";
          const value = col.spec.convert(raw);
          if (value instanceof Refusal) {
            throw new DatasetError(loadMessages.badField(shown, context.lines, col.name, raw, value.reason));
          }
          col.values.push(value);
        }
        rows++;
      } catch (e) {
        failure = e instanceof DatasetError ? e : new DatasetError(String(e));
      }
      return null;
    },
  });

  await new Promise<void>((resolve, reject) => {
    const input = createReadStream(path);
    input.on("error", reject);
    parser.on("error", (e: Error) => reject(new DatasetError(loadMessages.csvSyntax(shown, e.message))));
    parser.on("end", resolve);
    parser.on("data", () => undefined);
    input.pipe(parser);
  });
  if (failure) throw failure;
  if (order === null) throw new DatasetError(loadMessages.emptyFile(shown));
  if (rows === 0 && !options.allowNoRows) throw new DatasetError(loadMessages.noRows(shown));

  const columns: Record<string, ColumnValues> = {};
  for (const name of names) {
    const values = store[name]!;
    const kind = fields[name]!.kind;
    columns[name] = kind === "number" ? Float64Array.from(values as number[]) : (values as (number | null)[] | string[]);
  }
  return { columns, rows };
}
