import { createRequire } from "node:module";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";

const require = createRequire(import.meta.url);

export interface DynamoDbServer {
  endpoint: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts dynalite (in memory, tables active at once) on 127.0.0.1; port 0 picks a free one. */
export async function startDynamoDb(port = 0): Promise<DynamoDbServer> {
  const dynalite = require("dynalite") as (options: Record<string, unknown>) => Server;
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${bound}`,
    port: bound,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // dynalite keeps sockets alive; close them so close() returns promptly.
        (server as Server & { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
