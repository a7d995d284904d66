// A server process spawned by a test harness or the bench prints its endpoints on one JSON line,
// then stops (and exits) when its stdin closes or it is signalled, so it never outlives its parent.
export function serveUntilParentExits(endpoints: Record<string, string>, stop: () => Promise<void>): void {
  process.stdout.write(JSON.stringify(endpoints) + "\n");
  const exit = async (): Promise<void> => {
    await stop();
    process.exit(0);
  };
  process.stdin.on("end", () => void exit());
  process.stdin.on("close", () => void exit());
  process.stdin.resume();
  process.on("SIGTERM", () => void exit());
  process.on("SIGINT", () => void exit());
}
