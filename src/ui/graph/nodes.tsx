// The graph's node components, one per kind of element: machines (nodes, the gateway,
// outside hosts) and open pods as boxes, closed pods, containers and interfaces as chips,
// bridges and networks as bars, Services and load balancers as dashed boxes. An open node or
// pod has a button beside it that closes it. Defined at module scope, as React Flow wants.
import type { NodeProps, NodeTypes } from '@xyflow/react';
import type { ElementNode } from './build';
import { Frame } from './Frame';
import { OpenToggle } from './OpenToggle';
import { firstAddress, portsText } from './labels';
import { ServiceNode } from './ServiceNode';

const KIND_WORD = { node: 'node', gateway: 'router', outside: 'host' } as const;

function MachineNode({ data }: NodeProps<ElementNode>) {
  const kind = data.el.kind === 'node' || data.el.kind === 'gateway' || data.el.kind === 'outside' ? data.el.kind : 'node';
  const pods = data.el.podCount?.total;
  return (
    <>
      <Frame data={data} base={`pp-machine pp-machine-${kind}`}>
        <span className="pp-head">
          <span className="pp-kind">{KIND_WORD[kind]}</span>
          <span className="pp-name">{data.el.label}</span>
        </span>
        <span className="pp-details">{data.el.details.join(' · ')}</span>
        {data.hidden > 0 && pods !== undefined && <span className="pp-hidden-note">{pods - data.hidden} of {pods} pods shown</span>}
      </Frame>
      {kind === 'node' && <OpenToggle id={data.el.id} name={data.el.name} open className="pp-toggle-node" />}
    </>
  );
}

function PodNode({ data }: NodeProps<ElementNode>) {
  return (
    <>
      <Frame data={data} base="pp-pod">
        <span className="pp-name">{data.el.label}</span>
        <span className="pp-sub"><span className="pp-kind">pod</span> <span className="pp-ip">{data.el.details.join(' · ')}</span></span>
      </Frame>
      <OpenToggle id={data.el.id} name={data.el.name} open className="pp-toggle-pod" />
    </>
  );
}

/** A closed pod: its name and address, and a button that opens it to show its containers and interfaces. */
function PodChipNode({ data }: NodeProps<ElementNode>) {
  return (
    <>
      <Frame data={data} base="pp-podchip">
        <span className="pp-name">{data.el.label}</span>
        <span className="pp-ip">{data.el.details.join(' · ')}</span>
      </Frame>
      <OpenToggle id={data.el.id} name={data.el.name} open={false} className="pp-toggle-chip" />
    </>
  );
}

function ContainerNode({ data }: NodeProps<ElementNode>) {
  return (
    <Frame data={data} base="pp-container">
      <span className="pp-name">{data.el.label}</span>
      <span className="pp-ports">{portsText(data.el.ports)}</span>
    </Frame>
  );
}

function DeviceNode({ data }: NodeProps<ElementNode>) {
  const addr = firstAddress(data.el);
  return (
    <Frame data={data} base={`pp-device pp-device-${data.el.deviceKind ?? 'other'}`}>
      <span className="pp-name">{data.el.label}</span>
      {addr && !data.compact && <span className="pp-addr">{addr}</span>}
    </Frame>
  );
}

function BarNode({ data }: NodeProps<ElementNode>) {
  const addr = firstAddress(data.el);
  return (
    <Frame data={data} base={`pp-bar ${data.upright ? 'pp-bar-upright' : 'pp-bar-flat'} pp-bar-${data.el.kind}`}>
      <span className="pp-name">{data.el.label}</span>
      {addr && <span className="pp-addr">{addr}</span>}
    </Frame>
  );
}

export const nodeTypes: NodeTypes = {
  machine: MachineNode,
  pod: PodNode,
  podchip: PodChipNode,
  container: ContainerNode,
  device: DeviceNode,
  bar: BarNode,
  service: ServiceNode,
};
