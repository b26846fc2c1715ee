// The cluster as a React Flow graph with the packet on top: open nodes and pods, the networks,
// the Services and the machines outside as React Flow nodes; closed nodes as tiles in the
// overview layer. Clicking an endpoint picks the source, then the destination (in edit mode it
// selects, boxes drag and a Service's handle draws a link: editHooks.ts); the buttons
// beside nodes and pods open and close them; the cameras fit the cluster, follow the packet
// and fly to what a search found. Above it, the search and the view's options.
import { Background, ControlButton, Controls, ReactFlow, ReactFlowProvider, useReactFlow, useStore } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useAppStore } from '../../store';
import { FlowBridge } from '../handout/flowBridge';
import { FitOnScenario, FocusCamera, FollowCamera, ZoomDetail } from './cameras';
import { useEditGestures } from './editHooks';
import { edgeTypes } from './edges';
import { GraphSummary } from './GraphSummary';
import { GraphToolbar } from './GraphToolbar';
import type { Layout } from './layout';
import { nodeTypes } from './nodes';
import { OverviewLayer } from './OverviewLayer';
import { Packet } from './Packet';
import { useGraph } from './useGraph';
import './graph.css';
import './overview.css';

function FitButton({ layout }: { layout: Layout | null }) {
  const { fitBounds } = useReactFlow();
  return (
    <ControlButton
      onClick={() => { if (layout) void fitBounds({ x: 0, y: 0, width: layout.width, height: layout.height }, { padding: 0.06, duration: 250 }); }}
      aria-label="Fit the whole cluster" title="Fit the whole cluster"
    >
      <svg viewBox="0 0 16 16" aria-hidden="true"><path d="M2 6V2h4M10 2h4v4M14 10v4h-4M6 14H2v-4" fill="none" stroke="currentColor" strokeWidth="1.6" /></svg>
    </ControlButton>
  );
}

/** How far out the view is: far out, tiles show only their names, large, and their namespaces' colours. */
export const zoomLevel = (zoom: number) => (zoom < 0.3 ? 'far' : zoom < 0.6 ? 'mid' : 'near');

export function GraphView() {
  return (
    <ReactFlowProvider>
      <Graph />
    </ReactFlowProvider>
  );
}

function Graph() {
  const g = useGraph();
  const zoom = useStore((s) => zoomLevel(s.transform[2]));
  const speed = useAppStore((s) => s.speed);
  const summary = useAppStore((s) => s.summary);
  const steps = useAppStore((s) => s.steps);
  const { step, layout, journey, position } = g;
  const { nodes, ...gestures } = useEditGestures(g.nodes, layout);
  const placeName = (id: string | undefined) => (id === undefined ? undefined : g.view.topo.elements.find((e) => e.id === id)?.name);
  const where = step ? placeName(g.view.anchorOf(step.hop.at)) ?? step.hop.at : '';
  return (
    <div className="pp-graph" aria-label="Cluster graph" role="region" data-zoom={zoom}>
      <GraphToolbar />
      <GraphSummary tiles={g.tiles.length} />
      <ReactFlow
        nodes={nodes} edges={g.edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
        minZoom={0.02} maxZoom={2.5}
        nodesDraggable={g.editing} nodesConnectable={g.editing} elementsSelectable={false} nodesFocusable={false} edgesFocusable={false}
        {...gestures}
        zoomOnDoubleClick={false}
      >
        <Background gap={24} size={1} color="#d5dbe3" />
        <Controls showInteractive={false} showFitView={false} position="bottom-right">
          <FitButton layout={layout} />
        </Controls>
        <FitOnScenario summary={summary} layout={g.fresh ? layout : null} />
        <FollowCamera journey={journey} steps={steps} position={position} layout={layout} />
        <FocusCamera layout={g.fresh ? layout : null} />
        <ZoomDetail layout={layout} tiles={g.view.tiles} />
        <FlowBridge />
        {layout && <OverviewLayer layout={layout} tiles={g.tiles} marks={g.marks} filter={g.filter} moreServices={g.view.moreServices} />}
        {step && <Packet journey={journey} position={position} speed={speed} label={`Packet at ${where}`} flags={step.hop.packet.flags} />}
      </ReactFlow>
    </div>
  );
}
