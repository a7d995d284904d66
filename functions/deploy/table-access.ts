// What each function's code does to the geo table, as its manifest entry declares it. The
// template grants exactly this and nothing more.
import { functionSpec, type Manifest } from "../manifest.js";

export type TableAccess = Manifest["functions"][number]["tableAccess"];

export function tableAccessOf(manifest: Manifest, functionId: string): TableAccess {
  return functionSpec(manifest, functionId).tableAccess;
}
