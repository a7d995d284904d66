// The analysis library as the notebooks and the renderer see it.
export { loadDatasets, buildSection, buildComparison, sectionIds, describeDatasets, type DatasetProvenance } from "../lib/index.js";
