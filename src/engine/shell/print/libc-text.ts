// The texts glibc gives the tools for the errors podpath's conversations end in:
// strerror(3) for the socket errno (glibc string/_strerror.c, sysdeps errlist) and
// gai_strerror(3) for getaddrinfo failures (glibc sysdeps/posix/gai_strerror-strs.h).
import type { ConnectOutcome, LookupOutcome } from '../results';
import { assertNever } from '../../lib/assert';

export const STRERROR = {
  ECONNREFUSED: 'Connection refused',
  ENETUNREACH: 'Network is unreachable',
  EHOSTUNREACH: 'No route to host',
  ETIMEDOUT: 'Connection timed out',
  ECONNRESET: 'Connection reset by peer',
  EINPROGRESS: 'Operation now in progress',
} as const;

/** The errno a failed connect() leaves, as strerror() words it. */
export function connectErrorText(c: Exclude<ConnectOutcome, { kind: 'connected' }>): string {
  switch (c.kind) {
    case 'refused': return STRERROR.ECONNREFUSED;
    case 'net-unreachable': return STRERROR.ENETUNREACH;
    case 'host-unreachable': return STRERROR.EHOSTUNREACH;
    case 'timeout': return STRERROR.ETIMEDOUT;
    default: return assertNever(c, 'connect outcome');
  }
}

/**
 * What getaddrinfo() returns for a failed lookup, as gai_strerror() words it. NXDOMAIN for
 * every name tried is EAI_NONAME, a name without addresses EAI_NODATA; no answer from the
 * nameservers (or no way to reach them) is EAI_AGAIN.
 */
export function gaiErrorText(l: Exclude<LookupOutcome, { kind: 'found' }>): string {
  switch (l.kind) {
    case 'not-found': return l.nodata ? 'No address associated with hostname' : 'Name or service not known';
    case 'timeout':
    case 'unreachable': return 'Temporary failure in name resolution';
    default: return assertNever(l, 'lookup outcome');
  }
}

/** True for a dotted-quad IPv4 literal, which the tools use as given without a lookup. */
export function isIPv4Literal(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
}
