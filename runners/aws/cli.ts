// AWS stack housekeeping. Teardown (deletes the stacks and everything in them, the geo table included):
//   node --import tsx runners/aws/cli.ts teardown --memory 128,256 [--prefix lambench] [--region <r>]
//   node --import tsx runners/aws/cli.ts teardown --stack lambench-128
// Outputs of a stack:  node --import tsx runners/aws/cli.ts outputs --stack lambench-128
import { CloudFormationClient } from "@aws-sdk/client-cloudformation";
import { Command } from "commander";
import { quietSdkNodeVersionWarning, sdkErrorMessage } from "./sdk-env.js";
import { awsMessages } from "./messages.js";
import { deleteStack, readStackOutputs, stackNames } from "./stack.js";

quietSdkNodeVersionWarning();

const client = (region?: string) => new CloudFormationClient({ ...(region ? { region } : {}), retryMode: "adaptive", maxAttempts: 8 });

const program = new Command().name("aws").description("lambench AWS stacks (credentials and region from the standard AWS configuration)");
program
  .command("teardown")
  .description("delete the benchmark stacks and wait until they are gone")
  .option("--stack <name>", "one stack by name")
  .option("--memory <sizes>", "stacks <prefix>-<memory> for these memory sizes")
  .option("--prefix <prefix>", "stack name prefix", "lambench")
  .option("--region <region>", "AWS region")
  .action(async (o: { stack?: string; memory?: string; prefix: string; region?: string }) => {
    const cfn = client(o.region);
    for (const name of stackNames(o)) {
      console.log(awsMessages.deleting(name));
      await deleteStack(cfn, name);
      console.log(awsMessages.deleted(name));
    }
    cfn.destroy();
  });
program
  .command("outputs")
  .description("print a stack's API URL, table and function names")
  .requiredOption("--stack <name>", "stack name")
  .option("--region <region>", "AWS region")
  .action(async (o: { stack: string; region?: string }) => {
    const cfn = client(o.region);
    console.log(JSON.stringify(await readStackOutputs(cfn, o.stack), null, 2));
    cfn.destroy();
  });

try {
  await program.parseAsync();
} catch (e) {
  console.error(awsMessages.failed(sdkErrorMessage(e)));
  process.exit(1);
}
