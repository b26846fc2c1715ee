// podpath's own settings that stand for something real: spec.serviceNodePortRange is
// kube-apiserver's --service-node-port-range, refused as the flag parser refuses it;
// spec.upstreamDNS is the resolver the docker host forwards to, on the internet.
import { isPublicAddress } from '../../lib/special-addresses';
import { parsePortRange } from '../port-range';
import type { CheckContext } from './context';

export function checkNodePortRange(ctx: CheckContext): void {
  const text = ctx.parsed.settings[0]?.value.spec.serviceNodePortRange;
  if (text === undefined) return;
  const r = parsePortRange(text);
  if (r.ok) return;
  ctx.out.error(ctx.settings, 'spec.serviceNodePortRange',
    `invalid argument "${text}" for "--service-node-port-range": ${r.message} (write it like 30000-32767 or 30000+2767)`);
}

/** The upstream resolver must be a public address: the docker host's DNS reaches it over the internet. */
export function checkUpstreamDns(ctx: CheckContext): void {
  const text = ctx.parsed.settings[0]?.value.spec.upstreamDNS;
  if (text === undefined || isPublicAddress(text)) return;
  ctx.out.error(ctx.settings, 'spec.upstreamDNS',
    `"${text}" is not a public IPv4 address; the upstream resolver sits on the internet (for example 8.8.8.8 or 1.1.1.1)`);
}
