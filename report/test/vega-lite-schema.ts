// Vega-Lite's JSON schema validator (the one shipped in the vega-lite package), for tests of figures.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";

// The package's exports map hides its build folder, so read the file from node_modules.
const schemaFile = join(import.meta.dirname, "..", "..", "node_modules", "vega-lite", "build", "vega-lite-schema.json");

export function vegaLiteValidator(): (spec: unknown) => string | null {
  const ajv = new Ajv({ strict: false, allowUnionTypes: true, validateFormats: false, logger: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, "utf8")) as Record<string, unknown>);
  return (spec) => (validate(spec) ? null : ajv.errorsText(validate.errors));
}
