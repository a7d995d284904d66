// The environment and command line an instance starts with, as Lambda sets them up.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { labMessages } from "./messages.js";

export const bootstrapsDir = fileURLToPath(new URL("./bootstraps/", import.meta.url));

export interface Interpreters {
  node: string;
  python: string;
}

export interface InstanceSpec {
  functionName: string;
  lambdaRuntime: string;
  handler: string;
  codeDir: string;
  memoryMB: number;
  region: string;
  logStreamName: string;
  /** Extra variables: DynamoDB endpoint, credentials, TABLE_NAME… */
  environment: Record<string, string>;
}

export function runtimeEnvironment(spec: InstanceSpec, runtimeApi: string): Record<string, string> {
  return {
    PATH: "/usr/local/bin:/usr/bin:/bin",
    LANG: "en_US.UTF-8",
    TZ: ":UTC",
    LD_LIBRARY_PATH: `${join(spec.codeDir, "lib")}:/usr/local/lib:/usr/lib`,
    LAMBDA_TASK_ROOT: spec.codeDir,
    LAMBDA_RUNTIME_DIR: bootstrapsDir,
    _HANDLER: spec.handler,
    AWS_LAMBDA_RUNTIME_API: runtimeApi,
    AWS_LAMBDA_FUNCTION_NAME: spec.functionName,
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(spec.memoryMB),
    AWS_LAMBDA_FUNCTION_VERSION: "$LATEST",
    AWS_LAMBDA_LOG_GROUP_NAME: `/aws/lambda/${spec.functionName}`,
    AWS_LAMBDA_LOG_STREAM_NAME: spec.logStreamName,
    AWS_REGION: spec.region,
    AWS_DEFAULT_REGION: spec.region,
    ...(spec.lambdaRuntime.startsWith("provided") ? {} : { AWS_EXECUTION_ENV: `AWS_Lambda_${spec.lambdaRuntime}` }),
    ...spec.environment,
  };
}

/**
 * The command that runs the instance. Custom runtimes run their own bootstrap; managed ones run
 * our bootstraps. Node's heap limits follow the Lambda Node runtime's memory-derived settings
 * (semi-space ~5% and old space ~90% of the function's memory).
 */
export function runtimeCommand(spec: InstanceSpec, interpreters: Interpreters): { command: string; args: string[] } {
  const rt = spec.lambdaRuntime;
  if (rt.startsWith("provided")) return { command: join(spec.codeDir, "bootstrap"), args: [] };
  if (rt.startsWith("nodejs")) {
    const semi = Math.max(1, Math.floor((spec.memoryMB * 5) / 100 / 2));
    const old = Math.floor((spec.memoryMB * 90) / 100) - semi;
    return {
      command: interpreters.node,
      args: [`--max-semi-space-size=${semi}`, `--max-old-space-size=${old}`, join(bootstrapsDir, "node-bootstrap.mjs")],
    };
  }
  if (rt.startsWith("python")) return { command: interpreters.python, args: [join(bootstrapsDir, "python-bootstrap.py")] };
  throw new Error(labMessages.unknownRuntimeKind(rt));
}
