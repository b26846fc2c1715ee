// BusyBox wget (1.36), as busybox-based images have it: `wget -qO- URL` prints the body; the
// errors are BusyBox's own (networking/wget.c: "bad address", "can't connect to remote host",
// "server returned error", "download timed out"), exit code 1. Without -q it also says where
// it connects and writes; its progress bar is left out.
import type { CommandOutput, CurlResult } from './results';
import { connectErrorText } from './print/libc-text';

export function printWget(r: CurlResult, quiet: boolean): CommandOutput {
  const fail = (m: string, stdout = ''): CommandOutput => ({ stdout, stderr: `wget: ${m}\n`, exitCode: 1 });
  if (r.lookup.kind !== 'found') return fail(`bad address '${r.host}'`);
  const ip = r.ip ?? r.lookup.addresses[0]!;
  const says = quiet ? '' : `Connecting to ${r.host} (${ip}:${r.port})\n`;
  const c = r.connect;
  if (!c || c.kind === 'timeout') return { stdout: '', stderr: `${says}wget: download timed out\n`, exitCode: 1 };
  if (c.kind !== 'connected') return { stdout: '', stderr: `${says}wget: can't connect to remote host (${ip}): ${connectErrorText(c)}\n`, exitCode: 1 };
  if (r.tlsError) return { stdout: '', stderr: `${says}wget: error getting response: Connection reset by peer\n`, exitCode: 1 };
  if (r.responseFailure || !r.response) return { stdout: '', stderr: `${says}wget: error getting response\n`, exitCode: 1 };
  const res = r.response;
  if (res.status >= 400) return { stdout: '', stderr: `${says}wget: server returned error: ${res.version} ${res.status} ${res.reason}\n`, exitCode: 1 };
  return { stdout: res.body, stderr: quiet ? '' : `${says}writing to stdout\nwritten to stdout\n`, exitCode: 0 };
}
