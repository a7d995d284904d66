// Every user-facing message of the AWS target, so tests can assert on them by value.
export const awsMessages = {
  oneStack: (stack: string, sizes: number) => `--stack ${stack} names one stack, but ${sizes} memory sizes were asked for`,
  noFunction: (stack: string, runtime: string, fn: string) => `stack ${stack} has no function for ${runtime}/${fn} in its FunctionNames output`,
  deploying: (stack: string, memoryMB: number, architecture: string) => `deploying stack ${stack} (${memoryMB} MB, ${architecture})`,
  waitingForLogs: (fnName: string, got: number, expected: number) => `waiting for logs of ${fnName}: ${got}/${expected} REPORT lines`,
};
