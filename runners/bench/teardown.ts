// Everything a run started, stopped in reverse order exactly once: at the end, on an error, or
// when Ctrl-C / SIGTERM arrives in the middle.
export class Teardown {
  private readonly steps: Array<() => Promise<void> | void> = [];
  private running: Promise<void> | null = null;

  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }

  run(): Promise<void> {
    this.running ??= (async () => {
      for (const step of this.steps.reverse()) {
        try {
          await step();
        } catch {
          /* keep tearing down the rest */
        }
      }
    })();
    return this.running;
  }
}
