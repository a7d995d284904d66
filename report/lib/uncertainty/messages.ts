// Every error the uncertainty library raises, worded in one place (STYLE habit 11).

export class UncertaintyError extends Error {
  override name = "UncertaintyError";
}

export const uncertaintyMessages = {
  emptySample: (what: string) => `cannot bootstrap ${what}: the sample is empty (no non-null values)`,
  notFinite: (what: string, index: number, value: unknown) => `cannot bootstrap ${what}: value at index ${index} is ${String(value)}, expected a finite number`,
  unsupportedStatistic: (kind: string) => `no bootstrap for statistic "${kind}" (supported: percentile, median, mean, max, min, sum)`,
  percentileOutOfRange: (p: number) => `percentile p = ${p} is outside [0, 1]`,
  badOption: (field: string, value: unknown, expected: string) => `bootstrap option ${field} = ${JSON.stringify(value)}: expected ${expected}`,
};
