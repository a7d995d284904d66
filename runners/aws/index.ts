// The AWS target's public surface (the bench imports startAwsTarget from here, only for --target aws).
export { runAwsBenchWith, startAwsTarget, type AwsBenchOptions, type AwsDeps } from "./bench.js";
export { AwsTarget, FRESH_ENVIRONMENT_VARIABLE } from "./target.js";
export { deployStack, deleteStack, readStackOutputs, samDeployArgs, stackName, type StackOutputs } from "./stack.js";
