// Test-only custom runtime speaking the Runtime API with fetch (see ../README.md).
const api = `http://${process.env.AWS_LAMBDA_RUNTIME_API}/2018-06-01/runtime`;
const keep = [];
for (;;) {
  let next;
  try {
    next = await fetch(`${api}/invocation/next`);
  } catch {
    process.exit(0);
  }
  const id = next.headers.get("lambda-runtime-aws-request-id");
  const event = await next.json();
  const body = event.body ? JSON.parse(event.body) : {};
  if (body.sleepMs) await new Promise((r) => setTimeout(r, body.sleepMs));
  if (body.crash) process.exit(3);
  if (body.allocMB) for (let i = 0; i < body.allocMB; i++) keep.push(Buffer.alloc(1024 * 1024, 1));
  const headers = Object.fromEntries([...next.headers].filter(([k]) => k.startsWith("lambda-runtime-")));
  const result = {
    statusCode: 201,
    headers: { "Content-Type": "text/plain" },
    body: Buffer.from(JSON.stringify({ echo: body, headers })).toString("base64"),
    isBase64Encoded: true,
  };
  await fetch(`${api}/invocation/${id}/response`, { method: "POST", body: JSON.stringify(result) });
}
