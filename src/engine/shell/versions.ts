// The versions of the tools the shell imitates, in one place: what curl puts in its
// User-Agent, what dig prints in its banner. The printers and the commands both read these.
export const TOOL_VERSIONS = {
  curl: '8.11.1',
  dig: '9.18.33',
  iputils: '20240117',
} as const;
