// The network latency the lab adds to every DynamoDB call, declared and recorded (meta.json
// lab.dbLatency, the report's Method section), never hidden: on Lambda, DynamoDB is a network
// service, so a query costs a round trip of waiting, which concurrent queries overlap. On loopback
// the round trip is ~0, so a delaying TCP proxy in front of the local server adds one.
//
// Models (--db-latency):
// - "soto-202" (default): each call waits a value drawn, uniformly and with a fixed seed, from the
//   ten warm same-region DynamoDB calls (GetItem "loadSettings" and PutItem "saveSettings") a
//   Node.js 10.x Lambda function timed, published in github.com/soto-project/soto/issues/202
//   (2019): 4.766–26.218 ms, median 6.4 ms, mean 9.5 ms. They are whole client calls (SDK time
//   included), so the lab's added latency is an upper estimate of the network and service share;
//   their mean agrees with the ~10 ms average PutItem with HTTP keep-alive that Yan Cui measured
//   from Lambda (theburningmonk.com/2019/02/lambda-optimization-tip-enable-http-keep-alive/), and
//   AWS's own statement that GetItem/PutItem average single-digit milliseconds
//   (repost.aws/knowledge-center/dynamodb-high-latency).
// - "fixed:<ms>": every call waits exactly <ms>.
// - "0": none (the DynamoDB server answers at loopback speed).
import { createServer, connect, type Server, type Socket } from "node:net";
import type { AddressInfo } from "node:net";
import { labMessages } from "./messages.js";
import { seededRandom } from "../../report/lib/uncertainty/random.js";

export interface DbLatencyModel {
  /** As given on the command line ("soto-202", "fixed:5", "0"). */
  model: string;
  description: string;
  /** Numbers that define it (the sample, the fixed delay, the seed). */
  parameters: Record<string, number>;
  source: string;
}

/** Ten warm Lambda→DynamoDB call times (ms) from soto-project/soto#202, in the order published. */
export const SOTO_202_SAMPLE_MS = [6.707, 4.887, 26.218, 4.967, 4.766, 7.832, 6.325, 6.049, 20.504, 6.546] as const;
export const DEFAULT_DB_LATENCY = "soto-202";
const SEED = 20191125;

export function parseDbLatency(value: string): DbLatencyModel {
  const text = value.trim();
  if (text === "0" || text === "none") return { model: "0", description: "no added latency (loopback)", parameters: {}, source: "" };
  if (text === DEFAULT_DB_LATENCY) {
    return {
      model: DEFAULT_DB_LATENCY,
      description:
        "each DynamoDB call waits one of ten published warm same-region Lambda→DynamoDB call times (4.8–26.2 ms, median 6.4 ms, mean 9.5 ms), drawn uniformly with a fixed seed",
      parameters: { seed: SEED, ...Object.fromEntries(SOTO_202_SAMPLE_MS.map((v, i) => [`sample${i + 1}Ms`, v])) },
      source: "https://github.com/soto-project/soto/issues/202 (Node.js 10.x Lambda, GetItem/PutItem, 2019)",
    };
  }
  const fixed = /^fixed:(\d+(?:\.\d+)?)$/.exec(text);
  if (fixed) {
    const ms = Number(fixed[1]);
    return { model: text, description: `each DynamoDB call waits ${ms} ms`, parameters: { delayMs: ms }, source: "--db-latency" };
  }
  throw new Error(labMessages.badDbLatency(value));
}

/** The delay (ms) of each successive call under a model. */
export function delaySampler(model: DbLatencyModel): () => number {
  if (model.model === "0") return () => 0;
  if (model.model === DEFAULT_DB_LATENCY) {
    const random = seededRandom(model.parameters.seed ?? SEED);
    return () => SOTO_202_SAMPLE_MS[random.index(SOTO_202_SAMPLE_MS.length)]!;
  }
  const ms = model.parameters.delayMs ?? 0;
  return () => ms;
}

export interface DelayProxy {
  endpoint: string;
  stop(): Promise<void>;
}

/**
 * A TCP proxy on 127.0.0.1 that holds each request for a sampled delay before passing it to
 * `target`. A request is what a client writes while the connection has nothing held back, so a
 * request that arrives in several chunks waits once; connections are independent, so concurrent
 * calls (one connection each, as the SDKs pool them) overlap their waits, as on a network.
 */
export async function startDelayProxy(targetPort: number, nextDelayMs: () => number): Promise<DelayProxy> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, "127.0.0.1");
    for (const s of [client, upstream]) {
      s.setNoDelay(true);
      sockets.add(s);
      s.once("close", () => sockets.delete(s));
    }
    // Chunks held back, released together (in order) when their request's delay is over.
    let held: Buffer[] = [];
    let ending = false;
    const release = () => {
      for (const chunk of held) upstream.write(chunk);
      held = [];
      if (ending) upstream.end();
    };
    client.on("data", (chunk: Buffer) => {
      if (held.length === 0) setTimeout(release, nextDelayMs());
      held.push(chunk);
    });
    upstream.on("data", (chunk: Buffer) => client.write(chunk));
    client.once("end", () => {
      if (held.length === 0) upstream.end();
      else ending = true;
    });
    upstream.once("end", () => client.end());
    client.on("error", () => upstream.destroy());
    upstream.on("error", () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
