// Errors of the comparison library, in one place (STYLE habit 11).

export class CompareError extends Error {
  override name = "CompareError";
}

export const compareMessages = {
  missingColumn: (side: string, column: string, has: readonly string[]) => `${side}: comparison needs column ${column} (the table has: ${has.join(", ")})`,
  badMinEffect: (value: unknown) => `minEffect = ${JSON.stringify(value)}: expected a number ≥ 0 (a fraction, e.g. 0.05 for 5 %)`,
  nothingInCommon: () => "the two runs have no runtime/function/memory size/architecture in common: nothing to compare",
};
