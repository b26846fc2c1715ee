// The versions of the tools the shell imitates, in one place: what curl puts in its
// User-Agent, what dig prints in its banner. The printers and the commands both read these.
export const TOOL_VERSIONS = {
  curl: '8.11.1',
  dig: '9.18.33',
  iputils: '20240117',
  /** The OpenSSL curl is linked with (Alpine 3.21, where curl is 8.11.1): curl's TLS errors name it. */
  openssl: '3.3.2',
} as const;
