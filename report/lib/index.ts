// The report library's public surface (bundled with esbuild for the tslab kernel: static
// imports only, no top-level await, no console).
import { SECTIONS, type SectionId } from "./section.js";

export { loadDatasets, type Datasets, type LoadOptions, type LoadedDataset } from "./load/datasets.js";
export { DatasetError } from "./load/messages.js";
export { buildSection, type SectionOptions } from "./sections/index.js";
export { buildComparison, COMPARISON_TITLE, type ComparisonOptions, type ComparisonResult } from "./sections/comparison.js";
export { describeDatasets, type DatasetProvenance } from "./provenance.js";
export { protocolGroups, type ProtocolGroup } from "./comparability.js";
export { VEGA_LITE_SCHEMA } from "./figures/common.js";
export { PERCENTILE_DEFINITION } from "./metrics/percentile.js";
export { SECTIONS, MIME, type SectionId, type SectionResult, type Block, type Cell } from "./section.js";

export const sectionIds: readonly SectionId[] = SECTIONS.map((s) => s.id);
