// Matching a CSV header against the contract columns (shared by both CSV readers).
import { DatasetError, loadMessages } from "./messages.js";
import type { FieldSpec } from "./normalise.js";

export interface ContractColumn {
  name: string;
  /** Position in the file's header; -1 for an optional column the file lacks (its rows take `spec.absent`). */
  index: number;
  spec: FieldSpec;
}

/** The contract columns in contract order, each with its position in the header; refuses unknown or missing required columns. */
export function columnOrder(header: readonly string[], fields: Record<string, FieldSpec>, shown: string): ContractColumn[] {
  for (const h of header) if (!(h in fields)) throw new DatasetError(loadMessages.unknownColumn(shown, h));
  return Object.keys(fields).map((name) => {
    const index = header.indexOf(name);
    if (index < 0 && fields[name]!.absent === undefined) throw new DatasetError(loadMessages.missingColumn(shown, name));
    return { name, index, spec: fields[name]! };
  });
}
