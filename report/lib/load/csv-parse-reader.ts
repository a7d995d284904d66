// The reference CSV reader: csv-parse over the whole file, one record at a time. The fast reader
// (csv.ts) hands a file over to this one whenever it meets anything outside the plain subset it
// reads itself, so every syntax error and its message comes from csv-parse.
import { createReadStream, existsSync, statSync } from "node:fs";
import { parse } from "csv-parse";
import type { ColumnValues, CsvColumns, CsvOptions } from "./csv-columns.js";
import { columnOrder, type ContractColumn } from "./header.js";
import { DatasetError, loadMessages } from "./messages.js";
import { Refusal, type FieldSpec } from "./normalise.js";

export async function readCsvColumnsWithCsvParse(path: string, fields: Record<string, FieldSpec>, options: CsvOptions = {}): Promise<CsvColumns> {
  const shown = options.shown ?? path;
  if (!existsSync(path)) throw new DatasetError(loadMessages.missingFile(shown));
  if (statSync(path).size === 0) throw new DatasetError(loadMessages.emptyFile(shown));

  const names = Object.keys(fields);
  const store: Record<string, (string | number | null)[]> = Object.fromEntries(names.map((n) => [n, []]));
  let order: ContractColumn[] | null = null;
  let rows = 0;
  let failure: DatasetError | null = null;

  const parser = parse({
    bom: true,
    skip_empty_lines: true,
    on_record: (record: string[], context) => {
      if (failure) return null;
      try {
        if (order === null) {
          order = columnOrder(record, fields, shown);
          return null;
        }
        for (const col of order) {
          if (col.index < 0) {
            store[col.name]!.push(col.spec.absent!);
            continue;
          }
          const raw = record[col.index] ?? "";
          const value = col.spec.convert(raw);
          if (value instanceof Refusal) {
            throw new DatasetError(loadMessages.badField(shown, context.lines, col.name, raw, value.reason));
          }
          store[col.name]!.push(value);
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
