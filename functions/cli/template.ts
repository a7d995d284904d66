// Regenerates functions/template.yaml from the manifest: node --import tsx functions/cli/template.ts
import { relative } from "node:path";
import { loadManifest, repoRoot } from "../manifest.js";
import { cliMessages } from "../messages.js";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { renderTemplate, templatePath } from "../deploy/template.js";

try {
  writeFileAtomic(templatePath, renderTemplate(loadManifest()));
  console.log(cliMessages.templateWritten(relative(repoRoot, templatePath)));
} catch (e) {
  console.error(cliMessages.failed("template", (e as Error).message));
  process.exit(1);
}
