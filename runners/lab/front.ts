// The HTTP front on 127.0.0.1: POST /<runtime>/<function> → proxy event → invocation → response.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { internalServerError, mapProxyResult, notFound, proxyEvent, tooManyRequests, type HttpResponse } from "./api-gateway.js";
import type { Lab } from "./lab.js";
import { readBody } from "./read-body.js";

export interface Front {
  url: string;
  port: number;
  stop(): Promise<void>;
}

async function handle(lab: Lab, req: IncomingMessage): Promise<HttpResponse> {
  const path = (req.url ?? "/").split("?")[0]!;
  const route = path.replace(/^\/+|\/+$/g, "");
  const body = await readBody(req);
  if (req.method !== "POST" || !lab.deployed(route)) return notFound();
  const event = proxyEvent(path, req.method, req.headers, body);
  const result = await lab.invoke(route, Buffer.from(JSON.stringify(event)));
  if ("throttled" in result) return tooManyRequests();
  return result.outcome.kind === "response" ? mapProxyResult(result.outcome.payload) : internalServerError();
}

export async function startFront(lab: Lab, port = 0): Promise<Front> {
  const server: Server = createServer((req, res) => {
    handle(lab, req).then(
      (r) => res.writeHead(r.statusCode, { ...r.headers, "Content-Length": String(r.body.length) }).end(r.body),
      () => {
        const r = internalServerError();
        res.writeHead(r.statusCode, r.headers).end(r.body);
      },
    );
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}`,
    port: bound,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
