/** What the machine-wide bench lock file records about the run that holds it (lock.ts writes it, messages name it). */
export interface LockHolder {
  pid: number;
  command: string;
  workDir?: string;
  startedAt?: string;
}
