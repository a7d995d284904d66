// The analysis library as the notebooks and the renderer see it.
export { loadDatasets, DatasetError, buildSection, buildComparison, sectionIds, describeDatasets, protocolGroups, type DatasetProvenance, type ProtocolGroup } from "../lib/index.js";
