// podpath's own settings that stand for a real flag: spec.serviceNodePortRange is
// kube-apiserver's --service-node-port-range, refused as the flag parser refuses it.
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
