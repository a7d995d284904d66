// Every error the loader raises, in one place (STYLE habit 11): tests assert on these by value.

export class DatasetError extends Error {
  override name = "DatasetError";
}

export const loadMessages = {
  noDatasets: () => "no dataset given: pass at least one data/<name> folder",
  missingDataset: (dir: string) => `${dir}: dataset folder not found`,
  missingMeta: (path: string) => `${path}: meta.json is missing, so this is not a dataset (or it was never finished)`,
  invalidJson: (path: string, reason: string) => `${path}: invalid JSON (${reason})`,
  invalidMeta: (path: string, field: string, reason: string) => `${path}: field ${field}: ${reason}`,
  incomplete: (path: string) => `${path}: complete is not true, so the dataset is still being written or its run failed; refusing to report on it`,
  duplicateName: (name: string, a: string, b: string) => `dataset name "${name}" appears twice (${a} and ${b})`,
  missingFile: (path: string) => `${path}: file not found`,
  emptyFile: (path: string) => `${path}: the file is empty (expected a header line and at least one row)`,
  noRows: (path: string) => `${path}: header only, no rows`,
  missingColumn: (path: string, column: string) => `${path}: header lacks column ${column}`,
  unknownColumn: (path: string, column: string) => `${path}: header has unknown column ${column}`,
  csvSyntax: (path: string, reason: string) => `${path}: CSV syntax error (${reason})`,
  badField: (path: string, line: number, field: string, value: string, reason: string) =>
    `${path} line ${line}, field ${field}: ${JSON.stringify(value)} ${reason}`,
  countMismatch: (path: string, expected: number, actual: number) => `${path}: meta.json counts ${expected} rows but the file has ${actual}`,
  memoryNotInMeta: (path: string, line: number, memoryMB: number, declared: readonly number[]) =>
    `${path} line ${line}, field memoryMB: ${memoryMB} is not a memory size meta.json declares (memorySizes: ${declared.join(", ")})`,
  runtimeNotInMeta: (path: string, line: number, runtime: string, declared: readonly string[]) =>
    `${path} line ${line}, field runtime: ${JSON.stringify(runtime)} is not a runtime meta.json declares (${declared.join(", ")})`,
  duplicateRequestId: (path: string, line: number, id: string, firstLine: number, field: string) =>
    `${path} line ${line}, field requestId: ${JSON.stringify(id)} was already used on line ${firstLine}, with a different ${field}; a request id names one invocation`,
  duplicatesDropped: (file: string, n: number) => `${file}: ${n} row(s) repeating an earlier row exactly (same request id, every field equal) were dropped`,
  referenceWithRows: (path: string) =>
    `${path}: a reference dataset (field reference) holds no invocations or requests of its own, so its counts must be 0; its rows would otherwise enter the findings`,
} as const;
