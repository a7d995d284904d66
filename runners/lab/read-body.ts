// The one reader of an HTTP request body, for the lab's servers (the front and each instance's
// Runtime API).
import type { IncomingMessage } from "node:http";

/** The whole body of `req`, once it has ended. */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
