// Every error and sentence fragment of the cost library, in one place (STYLE habit 11).

export class CostError extends Error {
  override name = "CostError";
}

export const costMessages = {
  missingFile: (path: string) => `${path}: price table not found`,
  invalidJson: (path: string, reason: string) => `${path}: invalid JSON (${reason})`,
  invalidField: (path: string, field: string, reason: string) => `${path}: field ${field}: ${reason}`,
  noPrice: (architecture: string, source: string) => `no price for architecture "${architecture}" in ${source}`,
  noRows: (what: string) => `cannot price ${what}: it has no invocations`,
  missingColumn: (column: string, has: readonly string[]) => `cost needs column ${column} (the table has: ${has.join(", ")})`,
};
