// Every user-facing message of the AWS target, so tests can assert on them by value.
export const awsMessages = {
  oneStack: (stack: string, sizes: number) => `--stack ${stack} names one stack, but ${sizes} memory sizes were asked for`,
  noFunction: (stack: string, runtime: string, fn: string) => `stack ${stack} has no function for ${runtime}/${fn} in its FunctionNames output`,
  deploying: (stack: string, memoryMB: number, architecture: string) => `deploying stack ${stack} (${memoryMB} MB, ${architecture})`,
  waitingForLogs: (fnName: string, got: number, expected: number) => `waiting for logs of ${fnName}: ${got}/${expected} REPORT lines`,
  commandFailed: (cmd: string, why: string, missing: boolean) => `${cmd}: ${why}${missing ? " (install the AWS SAM CLI)" : ""}`,
  commandExited: (cmd: string, subcommand: string, code: number | null) => `${cmd} ${subcommand} exited with ${code}`,
  stackNotFound: (stack: string) => `stack ${stack} not found`,
  noOutput: (stack: string, key: string) => `stack ${stack} has no output ${key} (is it a lambench stack from functions/template.yaml?)`,
  functionNamesNotJson: (stack: string) => `stack ${stack}: output FunctionNames is not JSON`,
  functionNamesNotMap: (stack: string) => `stack ${stack}: output FunctionNames is not a map of names`,
  notPrepared: (memoryMB: number) => `internal: stack for ${memoryMB} MB not prepared`,
  stackOrMemory: () => "give --stack <name> or --memory <sizes>",
  badMemoryList: (value: string) => `--memory: expected MB values like 128,256; got "${value}"`,
  deleting: (stack: string) => `deleting stack ${stack} …`,
  deleted: (stack: string) => `deleted ${stack}`,
  failed: (why: string) => `aws: ${why}`,
};
