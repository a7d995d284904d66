// What Lambda says of a function (GetFunctionConfiguration): its runtime id, architecture and
// memory size, used where no mapping names them. A function that cannot be read (no permission,
// deleted, no credentials) is reported, not fatal: its runtime then comes from INIT_START lines.
import { GetFunctionConfigurationCommand, LambdaClient } from "@aws-sdk/client-lambda";
import { ARCHITECTURES, type Architecture } from "../dataset/contract.js";
import type { FunctionConfiguration } from "./mapping.js";
import { collectMessages as msg } from "./messages.js";

/** Only the send method is used, so tests may pass a fake. */
export interface FunctionsClient {
  send: LambdaClient["send"];
}

export function createFunctionsClient(options: { region?: string; endpoint?: string; maxAttempts?: number } = {}): LambdaClient {
  return new LambdaClient({
    ...(options.region ? { region: options.region } : {}),
    ...(options.endpoint ? { endpoint: options.endpoint } : {}),
    retryMode: "adaptive",
    maxAttempts: options.maxAttempts ?? 8,
  });
}

export interface DescribedFunctions {
  configurations: Map<string, FunctionConfiguration>;
  /** One message per function that could not be read. */
  failures: string[];
}

export async function describeFunctions(client: FunctionsClient, names: readonly string[]): Promise<DescribedFunctions> {
  const configurations = new Map<string, FunctionConfiguration>();
  const failures: string[] = [];
  for (const name of new Set(names)) {
    try {
      const c = await client.send(new GetFunctionConfigurationCommand({ FunctionName: name }));
      const architecture = c.Architectures?.[0];
      configurations.set(name, {
        ...(c.Runtime ? { runtime: c.Runtime } : {}),
        ...(architecture && (ARCHITECTURES as readonly string[]).includes(architecture) ? { architecture: architecture as Architecture } : {}),
        ...(c.MemorySize ? { memoryMB: c.MemorySize } : {}),
      });
    } catch (e) {
      failures.push(msg.describeFailed(name, (e as Error).name === "Error" ? (e as Error).message : `${(e as Error).name}: ${(e as Error).message}`));
    }
  }
  return { configurations, failures };
}
