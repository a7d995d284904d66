// Test-only handler for the lab's tests (see ../README.md).
const keep = [];
const initAt = Date.now();

export const handler = async (event, context) => {
  const body = event.body ? JSON.parse(event.body) : {};
  if (body.sleepMs) await new Promise((r) => setTimeout(r, body.sleepMs));
  if (body.crash) process.exit(3);
  if (body.throw) throw new Error("asked to throw");
  if (body.allocMB) {
    for (let i = 0; i < body.allocMB; i++) keep.push(Buffer.alloc(1024 * 1024, 1));
  }
  return {
    statusCode: 200,
    headers: { "Content-Type": "application/json", "X-Test": "yes" },
    body: JSON.stringify({
      echo: body,
      pid: process.pid,
      initAt,
      requestId: context.awsRequestId,
      memory: context.memoryLimitInMB,
      runtime: process.version,
      env: { tz: process.env.TZ, table: process.env.TABLE_NAME, region: process.env.AWS_REGION },
    }),
  };
};
