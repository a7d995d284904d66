// Max Memory Used: the instance's peak memory in MB, as reported per invocation.
export const MAX_MEMORY = "maxMemoryUsedMB";
/** The configured memory size, which Max Memory Used must stay under. */
export const CONFIGURED_MEMORY = "memoryMB";
