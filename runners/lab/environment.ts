// The environment and command line an instance starts with, as Lambda sets them up. How an
// instance starts is its runtime's family (manifest `family.start`), never its name.
import { dirname, join } from "node:path";
import type { RuntimeStart } from "../../functions/manifest.js";

/** Absolute paths of what runs managed-runtime instances (interpreters.ts resolves them). */
export interface Interpreters {
  node: string;
  /** aws-lambda-ric's entry point (index.mjs). */
  nodeRic: string;
  python: string;
  /** The folder awslambdaric is installed in (Lambda's /var/runtime). */
  pythonRicDir: string;
}

export interface InstanceSpec {
  functionName: string;
  lambdaRuntime: string;
  /** The runtime family's way to start (manifest `family.start`). */
  start: RuntimeStart;
  handler: string;
  codeDir: string;
  memoryMB: number;
  region: string;
  logStreamName: string;
  /** Extra variables: DynamoDB endpoint, credentials, TABLE_NAME… */
  environment: Record<string, string>;
}

/** Lambda's /var/runtime: where the runtime interface client lives, or the code itself for a bootstrap. */
function runtimeDir(spec: InstanceSpec, interpreters: Interpreters): string {
  switch (spec.start) {
    case "aws-lambda-ric":
      return dirname(interpreters.nodeRic);
    case "awslambdaric":
      return interpreters.pythonRicDir;
    case "bootstrap":
      return spec.codeDir;
  }
}

export function runtimeEnvironment(spec: InstanceSpec, runtimeApi: string, interpreters: Interpreters): Record<string, string> {
  return {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    LANG: "en_US.UTF-8",
    TZ: ":UTC",
    LD_LIBRARY_PATH: `${join(spec.codeDir, "lib")}:/usr/local/lib:/usr/lib`,
    LAMBDA_TASK_ROOT: spec.codeDir,
    LAMBDA_RUNTIME_DIR: runtimeDir(spec, interpreters),
    ...(spec.start === "awslambdaric" ? { PYTHONPATH: interpreters.pythonRicDir } : {}),
    _HANDLER: spec.handler,
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMB),
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: spec.logStreamName,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    // Lambda names the managed runtime here; a custom runtime's bootstrap gets no such variable.
    ...(spec.start === "bootstrap" ? {} : { AWS_EXECUTION_ENV: `AWS_Lambda_${spec.lambdaRuntime}` }),
    ...spec.environment,
  };
}

/**
 * The command that runs the instance. A `bootstrap` runs the artefact's own executable; the
 * managed families run AWS's runtime interface clients, as Lambda's managed runtimes do:
 * `node <aws-lambda-ric>` (the handler from _HANDLER) and `python -m awslambdaric <handler>` with
 * the function's folder as the working directory (first on sys.path). Node's heap limits follow
 * the Lambda Node runtime's memory-derived settings (semi-space ~5% and old space ~90% of the
 * function's memory).
 */
export function runtimeCommand(spec: InstanceSpec, interpreters: Interpreters): { command: string; args: string[] } {
  switch (spec.start) {
    case "bootstrap":
      return { command: join(spec.codeDir, "bootstrap"), args: [] };
    case "aws-lambda-ric": {
      const semi = Math.max(1, Math.floor((spec.memoryMB * 5) / 100 / 2));
      const old = Math.floor((spec.memoryMB * 90) / 100) - semi;
      return {
        command: interpreters.node,
        args: [`--max-semi-space-size=${semi}`, `--max-old-space-size=${old}`, interpreters.nodeRic],
      };
    }
    case "awslambdaric":
      return { command: interpreters.python, args: ["-m", "awslambdaric", spec.handler] };
  }
}
