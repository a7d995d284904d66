// The analysis library as the notebooks and the renderer see it.
export { encodeDatasetTables, writeColumnarTables } from "../lib/load/columnar.js";
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
