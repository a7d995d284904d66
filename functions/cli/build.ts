// npm run build:functions [-- --runtime node,go --function search,conc --jobs 2]
import { Command, InvalidArgumentError } from "commander";
import { buildArtefacts } from "../build-artefacts.js";
import { cliMessages } from "../messages.js";

const list = (value: string): string[] =>
  value
    .split(",")
    .map((x) => x.trim())
    .filter((x) => x !== "");
const positive = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError(cliMessages.notPositive());
  return n;
};

const program = new Command("build:functions")
  .description("Build the manifest's function artefacts (functions/manifest.json)")
  .option("--runtime <ids>", "comma-separated runtime ids (default: all)", list)
  .option("--function <ids>", "comma-separated function ids (default: all)", list)
  .option("--jobs <n>", "build commands run at once", positive, 1)
  .parse();

const opts = program.opts<{ runtime?: string[]; function?: string[]; jobs: number }>();
try {
  const results = await buildArtefacts({ runtimes: opts.runtime, functions: opts.function, jobs: opts.jobs, log: (line) => console.log(line) });
  const built = results.filter((r) => r.status === "built").length;
  console.log(cliMessages.artefactsPresent(results.length, built));
} catch (e) {
  console.error(cliMessages.failed("build:functions", (e as Error).message));
  process.exit(1);
}
