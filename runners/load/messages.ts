// Every user-facing message of the load driver, so tests can assert on them by value.
export const loadMessages = {
  notPositiveInteger: (option: string, value: number) => `${option} must be a positive integer, got ${value}`,
  notPositive: (option: string, value: number) => `${option} must be positive, got ${value}`,
  notUrl: (url: string) => `not a URL: "${url}"`,
  notHttp: (url: string) => `only http(s) URLs are supported, got "${url}"`,
};
