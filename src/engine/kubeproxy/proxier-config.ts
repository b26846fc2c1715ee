// The parts of kube-proxy's configuration every mode reads the same way: the masquerade mark
// as Go prints it, and the CIDR the local detector (pkg/proxy/util/localdetector) tests.
import { assertNever } from '../lib/assert';
import type { ProxyInput } from './types';

/** fmt.Sprintf("%#08x", 1<<bit): Go pads the digits to 8, so bit 14 gives "0x00004000". */
export function goMasqueradeMark(bit: number): string {
  return `0x${(2 ** bit).toString(16).padStart(8, '0')}`;
}

/** The local detector's "is local" CIDR, or null when no detector is implemented. */
export function localDetectorCidr(input: ProxyInput): string | null {
  const d = input.localDetector;
  switch (d.mode) {
    case 'ClusterCIDR':
    case 'NodeCIDR':
      return d.cidr;
    case 'None':
      return null;
    default:
      return assertNever(d, 'local detector');
  }
}
