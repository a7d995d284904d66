// Everything a run started, stopped in reverse order exactly once: at the end, on an error, or
// when Ctrl-C / SIGTERM arrives in the middle.
export class Teardown {
  private readonly steps: Array<() => Promise<void> | void> = [];
  private running: Promise<void> | null = null;

  add(step: () => Promise<void> | void): void {
    this.steps.push(step);
  }

  /** True once teardown began: work still in flight must not write results. */
  get started(): boolean {
    return this.running !== null;
  }

  /** Throws when teardown began (an interrupt), so no result is written after it. */
  check(): void {
    if (this.started) throw new TeardownStarted();
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

export class TeardownStarted extends Error {
  constructor() {
    super("interrupted");
    this.name = "TeardownStarted";
  }
}
