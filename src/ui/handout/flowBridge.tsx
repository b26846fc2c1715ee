// Lets the handouts reach the graph's nodes (for the picture's bounds) from outside React
// Flow: rendered inside the flow, it keeps the flow's getNodes where exportImage.ts finds it.
import { useReactFlow, type Node } from '@xyflow/react';
import { useEffect } from 'react';

let current: (() => Node[]) | null = null;

export const graphNodes = (): Node[] => current?.() ?? [];

export function FlowBridge() {
  const { getNodes } = useReactFlow();
  useEffect(() => {
    current = getNodes;
    return () => { if (current === getNodes) current = null; };
  }, [getNodes]);
  return null;
}
