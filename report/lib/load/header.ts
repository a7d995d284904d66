// Matching a CSV header against the contract columns (shared by both CSV readers).
import { DatasetError, loadMessages } from "./messages.js";
import type { FieldSpec } from "./normalise.js";

export interface ContractColumn {
  name: string;
  /** Position in the file's header. */
  index: number;
  spec: FieldSpec;
}

/** The contract columns in contract order, each with its position in the header; refuses unknown or missing columns. */
export function columnOrder(header: readonly string[], fields: Record<string, FieldSpec>, shown: string): ContractColumn[] {
  for (const h of header) if (!(h in fields)) throw new DatasetError(loadMessages.unknownColumn(shown, h));
  return Object.keys(fields).map((name) => {
    const index = header.indexOf(name);
    if (index < 0) throw new DatasetError(loadMessages.missingColumn(shown, name));
    return { name, index, spec: fields[name]! };
  });
}
