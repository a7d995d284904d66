// What the CSV readers (csv.ts, csv-parse-reader.ts) take and return, apart from either reader.

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
  /** Rows the file should hold (meta.json's count): sizes the columns up front; only a hint. */
  expectedRows?: number;
  /** Bytes read at a time (tests use tiny reads to cut records everywhere). */
  chunkBytes?: number;
}
