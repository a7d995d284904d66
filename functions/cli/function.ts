// `npm run function -- add --runtime python --handler ./myfn.py:handler [--name myfn] [--payload payload.json]`:
// registers your own function in functions/manifest.json and regenerates the SAM template.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { Command } from "commander";
import { defaultManifestPath } from "../manifest.js";
import { cliMessages } from "../messages.js";
import { writeFileAtomic } from "../../runners/dataset/atomic.js";
import { renderTemplate, templatePath } from "../deploy/template.js";
import { addFunction, readPayload } from "../user/scaffold.js";
import { scaffoldMessages as msg } from "../user/messages.js";

const program = new Command().name("function").description("Manage your own functions in functions/manifest.json");
program
  .command("add")
  .description("add a handler for one runtime (repeat with another --runtime and the same --name for several)")
  .requiredOption("--runtime <id>", "runtime id from the manifest (node, python, go, rust)")
  .requiredOption("--handler <path[:export]>", "Node: a .ts/.mjs/.js file; Python: a .py file (export default: handler); Go/Rust: your module folder")
  .option("--name <id>", "function id (default: the file or folder name)")
  .option("--payload <file.json>", "request body the bench sends (default: {})")
  .option("--requirements <file>", "Python: the function's own requirements file")
  .option("--warmup <what>", "what the bench calls before measuring: self (default), none, or a function id")
  .option("--table-access <access>", "what the code does to the lab's DynamoDB table geo: none (default), put, query-index")
  .action((o: { runtime: string; handler: string; name?: string; payload?: string; requirements?: string; warmup?: string; tableAccess?: string }) => {
    try {
      const result = addFunction(readFileSync(defaultManifestPath, "utf8"), {
        runtime: o.runtime,
        handler: o.handler,
        cwd: process.env.INIT_CWD ?? process.cwd(),
        ...(o.name ? { name: o.name } : {}),
        ...(o.payload ? { payload: readPayload(resolve(process.env.INIT_CWD ?? process.cwd(), o.payload)) } : {}),
        ...(o.requirements ? { requirements: o.requirements } : {}),
        ...(o.warmup ? { warmup: o.warmup } : {}),
        ...(o.tableAccess ? { tableAccess: o.tableAccess } : {}),
      });
      writeFileAtomic(defaultManifestPath, result.text);
      writeFileAtomic(templatePath, renderTemplate(result.manifest));
      console.log(msg.added(result.runtime, result.function, result.artefact));
    } catch (e) {
      console.error(cliMessages.failed("function add", (e as Error).message));
      process.exit(1);
    }
  });
program.parse();
