// The AWS target's public surface (the bench CLI imports runAwsBench from here).
export { runAwsBench, runAwsBenchWith, type AwsBenchOptions, type AwsDeps } from "./bench.js";
export { deployStack, deleteStack, readStackOutputs, samDeployArgs, stackName, type StackOutputs } from "./stack.js";
