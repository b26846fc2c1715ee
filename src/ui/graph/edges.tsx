// The graph's one edge type: a link (veth pair, bridge port, wire) drawn along the route the
// layout computed, so the packet can follow exactly the line that is drawn.
import { BaseEdge, type EdgeProps, type EdgeTypes } from '@xyflow/react';
import type { LinkEdge } from './build';
import { pathOf } from './routes';

function LinkEdgeView({ id, data }: EdgeProps<LinkEdge>) {
  if (!data) return null;
  const cls = ['pp-link', `pp-link-${data.link.kind}`, data.onPath && 'is-on-path', data.active && 'is-active'].filter(Boolean).join(' ');
  return <BaseEdge id={id} path={pathOf(data.points)} className={cls} interactionWidth={0} />;
}

export const edgeTypes: EdgeTypes = { link: LinkEdgeView };
