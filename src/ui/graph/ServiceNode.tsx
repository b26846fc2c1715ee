// A Service or a cloud load balancer: a dashed box, because neither is a machine. A Service is
// rules in every node's kernel; its box shows its type, its address and its ports. The
// cluster's own Services (kubernetes, kube-dns) are drawn smaller and quieter. Both are
// buttons: clicking one makes it the destination of the next send.
import type { NodeProps } from '@xyflow/react';
import type { ElementNode } from './build';
import { Frame } from './Frame';
import { allPortsText, firstAddress } from './labels';

export function ServiceNode({ data }: NodeProps<ElementNode>) {
  const { el } = data;
  const address = firstAddress(el);
  if (el.kind === 'loadbalancer') {
    return (
      <Frame data={data} base="pp-service pp-service-lb">
        <span className="pp-kind">load balancer</span>
        <span className="pp-name">{el.label}</span>
        <span className="pp-addr">{[address, allPortsText(el.ports)].filter(Boolean).join(' · ')}</span>
      </Frame>
    );
  }
  // The cluster's own Services show only name and address, so the learner's stand out.
  return (
    <Frame data={data} base={`pp-service${el.builtIn ? ' pp-service-quiet' : ''}`}>
      <span className="pp-head">
        <span className="pp-kind">service</span>
        <span className="pp-name">{el.label}</span>
      </span>
      <span className="pp-addr">{address ?? 'headless'}</span>
      {!el.builtIn && <span className="pp-svc-type">{[el.serviceType, allPortsText(el.ports)].filter(Boolean).join(' · ')}</span>}
    </Frame>
  );
}
