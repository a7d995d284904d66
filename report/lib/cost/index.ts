// Cost: dollars per million invocations under a billing rule and a dated price table.
export { billedMsUnder, costByGroup, costOfMeanBilled, costPerMillion, type BillableInvocation, type Cost, type CostOptions, type CostRow } from "./cost.js";
export { MEMORY_COMPARISON_KEYS, moreMemoryCheaper, type CheaperWithMoreMemory } from "./memory-savings.js";
export { CostError } from "./messages.js";
export { DEFAULT_PRICE_TABLE, loadPriceTable, parsePriceTable, priceFor, PRICE_TABLE_SCHEMA, type ArchitecturePrice, type PriceTable } from "./prices.js";
export { gbSeconds } from "../metrics/billed.js";
