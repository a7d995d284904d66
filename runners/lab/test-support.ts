// Test-only helpers: zips the test functions like real artefacts and deploys them into a lab.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { zipSync } from "fflate";
import { loadManifest, type RuntimeStart } from "../../functions/manifest.js";
import { unpackArtefact } from "./artefacts.js";
import type { FunctionConfig } from "./instance.js";
import { Lab, type LabOptions } from "./lab.js";

const testFunctions = fileURLToPath(new URL("./test-functions/", import.meta.url));

export type TestRuntime = "node" | "python" | "custom";

/** Each test function's family, and its handler; the Lambda runtime id and kind are the manifest's runtime of that family. */
const TEST_FUNCTIONS: Record<TestRuntime, { start: RuntimeStart; handler: string }> = {
  node: { start: "aws-lambda-ric", handler: "index.handler" },
  python: { start: "awslambdaric", handler: "handler.handler" },
  custom: { start: "bootstrap", handler: "bootstrap" },
};

/** The Lambda runtime id, kind, start and handler a test function is deployed with. */
export function testRuntime(runtime: TestRuntime): Pick<FunctionConfig, "lambdaRuntime" | "kind" | "start" | "handler"> {
  const { start, handler } = TEST_FUNCTIONS[runtime];
  const spec = loadManifest().runtimes.find((r) => r.family.start === start);
  if (!spec) throw new Error(`functions/manifest.json: no runtime of family start "${start}" to run the ${runtime} test function`);
  return { lambdaRuntime: spec.lambdaRuntime, kind: spec.kind, start, handler };
}

export interface TestLab {
  lab: Lab;
  dir: string;
  logDir: string;
  deploy(runtime: TestRuntime, overrides?: Partial<FunctionConfig>): FunctionConfig;
  cleanup(): Promise<void>;
}

/** A zip of one test function folder, as a build would produce it. */
export function zipTestFunction(runtime: TestRuntime, outDir: string): string {
  const src = join(testFunctions, runtime);
  const files: Record<string, Uint8Array> = {};
  for (const name of readdirSync(src)) files[name] = new Uint8Array(readFileSync(join(src, name)));
  const zip = join(outDir, `${runtime}.zip`);
  writeFileSync(zip, zipSync(files));
  return zip;
}

export function startTestLab(options: Partial<LabOptions> = {}): TestLab {
  const dir = mkdtempSync(join(tmpdir(), "lambench-lab-test-"));
  const logDir = join(dir, "logs");
  const lab = new Lab({ logDir, ...options });
  return {
    lab,
    dir,
    logDir,
    deploy(runtime, overrides = {}) {
      const codeDir = unpackArtefact(zipTestFunction(runtime, dir), join(dir, "cache"));
      const config: FunctionConfig = {
        functionName: `test-${runtime}-fn`,
        runtime,
        function: "fn",
        ...testRuntime(runtime),
        codeDir,
        memoryMB: 256,
        timeoutMs: 10_000,
        region: "us-east-1",
        environment: { LAB_TEST_NODE: process.execPath, TABLE_NAME: "geo" },
        ...overrides,
      };
      lab.deploy(config);
      return config;
    },
    async cleanup() {
      await lab.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
