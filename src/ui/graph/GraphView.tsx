// The cluster as a React Flow graph with the packet on top. Clicking an endpoint picks the
// source, then the destination (in edit mode: selects it; see editHooks.ts for dragging and
// drawing links); the view fits the whole cluster whenever the scenario changes.
import { Background, Controls, ReactFlow, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect } from 'react';
import { useAppStore } from '../../store';
import { edgeTypes } from './edges';
import type { Layout } from './layout';
import { nodeTypes } from './nodes';
import { Packet } from './Packet';
import { FlowBridge } from '../handout/flowBridge';
import { useEditGestures } from './editHooks';
import { useGraph } from './useGraph';
import './graph.css';

const FIT = { padding: 0.04, maxZoom: 1.2 } as const;

/** Fits the view again when the layout changes (a new scenario), after React Flow has it. */
function FitOnChange({ layout }: { layout: Layout }) {
  const { fitView } = useReactFlow();
  useEffect(() => {
    const id = requestAnimationFrame(() => void fitView(FIT));
    return () => cancelAnimationFrame(id);
  }, [layout, fitView]);
  return null;
}

export function GraphView() {
  const { layout, journey, nodes: built, edges, step, position, editing } = useGraph();
  const { nodes, ...gestures } = useEditGestures(built, layout);
  const speed = useAppStore((s) => s.speed);
  const where = step ? nodes.find((n) => n.id === step.hop.at)?.data.el.name ?? step.hop.at : '';
  return (
    <div className="pp-graph" aria-label="Cluster graph" role="region">
      <ReactFlow
        nodes={nodes} edges={edges} nodeTypes={nodeTypes} edgeTypes={edgeTypes}
        fitView fitViewOptions={FIT} minZoom={0.1} maxZoom={2.5}
        nodesDraggable={editing} nodesConnectable={editing} elementsSelectable={false} nodesFocusable={false} edgesFocusable={false}
        {...gestures}
        zoomOnDoubleClick={false}
      >
        <Background gap={24} size={1} color="#d5dbe3" />
        <Controls showInteractive={false} position="bottom-right" />
        <FitOnChange layout={layout} />
        <FlowBridge />
        {step && <Packet journey={journey} position={position} speed={speed} label={`Packet at ${where}`} flags={step.hop.packet.flags} />}
      </ReactFlow>
    </div>
  );
}
