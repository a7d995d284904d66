// How the CLIs set up the AWS SDK for JavaScript, and how its bare errors are worded for users.
import { collectMessages } from "../collect/messages.js";

/**
 * The SDK prints a 7-line NodeVersionSupportWarning on every run under Node < 22. The tools run
 * on Node 20 (the machine's Node; the lab's Node functions run on the Node 22 the manifest names),
 * and the SDK versions pinned in package-lock.json support Node 20, so the warning says nothing
 * actionable for a run. The SDK's own switch turns off that one warning (other warnings stay);
 * a user who sets the variable keeps their value. Called by the CLIs before any client exists.
 */
export function quietSdkNodeVersionWarning(env: NodeJS.ProcessEnv = process.env): void {
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
}

/** The SDK's message, or the project's where the SDK's does not say what to do. */
export function sdkErrorMessage(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  if (/^region is missing$/i.test(message.trim())) return collectMessages.noRegion();
  return message;
}
