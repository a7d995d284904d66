// The analysis library as the notebooks and the renderer see it.
export { encodeDatasetTable, writeColumnarTable } from "../lib/load/columnar.js";
export { loadCheckedRequests } from "../lib/load/datasets.js";
export {
  loadDatasets,
  DatasetError,
  buildSection,
  buildComparison,
  sectionIds,
  describeDatasets,
  protocolGroups,
  type DatasetProvenance,
  type ProtocolGroup,
} from "../lib/index.js";
