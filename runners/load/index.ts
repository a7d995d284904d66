export { runLoad, LoadOptionsError, type LoadOptions, type LoadRequestRow, type LoadResult } from "./driver.js";
