// Entry point of the CommonJS bundle the notebooks `require` (tslab compiles cells to CommonJS and
// cannot import the ESM-only libraries directly).
export * from "./library.js";
export { showSection, blockToBundle } from "./show.js";
export { tslabEmitter } from "./tslab-emit.js";
export { findCompleteDatasets } from "./datasets.js";
export { defaultComparisonPair } from "./comparison-pair.js";
