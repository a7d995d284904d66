// Turning outside samples into what the resamplers need: a sorted Float64Array of finite values.
import { sortFloat64InPlace } from "../metrics/sort.js";
import { UncertaintyError, uncertaintyMessages } from "./messages.js";

/** `values` checked and sorted ascending (copied unless it is already a sorted Float64Array). */
export function sortedSample(values: ArrayLike<number>, what: string): Float64Array {
  const n = values.length;
  if (n === 0) throw new UncertaintyError(uncertaintyMessages.emptySample(what));
  let sorted = values instanceof Float64Array;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) throw new UncertaintyError(uncertaintyMessages.notFinite(what, i, v));
    if (i > 0 && v < values[i - 1]!) sorted = false;
  }
  if (sorted) return values as Float64Array;
  return sortFloat64InPlace(Float64Array.from(values));
}
