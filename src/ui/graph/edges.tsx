// The graph's one edge type: a link drawn along the route the layout computed, so the packet
// can follow exactly the line that is drawn. Cables (veth pair, bridge port, wire) are solid;
// a Service's endpoint links and a load balancer's link are dashed, and solid once the trace
// chose them.
import { BaseEdge, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import type { LinkEdge } from './build';
import { pathOf } from './routes';
import './underlay.css';

function LinkEdgeView({ id, data }: EdgeProps<LinkEdge>) {
  if (!data) return null;
  const cls = [
    'pp-link', `pp-link-${data.link.kind}`, data.onPath && 'is-on-path', data.active && 'is-active', data.chosen && 'is-chosen', data.quiet && 'is-quiet',
  ].filter(Boolean).join(' ');
  return <BaseEdge id={id} path={pathOf(data.points)} className={cls} interactionWidth={0} />;
}

export const edgeTypes: EdgeTypes = { link: LinkEdgeView };
