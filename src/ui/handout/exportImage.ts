// The graph as a picture, the selected hop drawn (the packet and the marked element are part
// of the flow's viewport): the whole cluster fitted into the picture, as React Flow's
// "download image" example does it with html-to-image (pinned at 1.11.11, the version React
// Flow's example names as the last that exports properly). Loaded when first used.
import { getNodesBounds, getViewportForBounds } from '@xyflow/react';
import { graphNodes } from './flowBridge';

const PAD = 0.04;

/** A data URL of the graph as PNG or SVG, or why there is none. */
export async function exportGraph(format: 'png' | 'svg'): Promise<string> {
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  const nodes = graphNodes();
  if (!viewport || nodes.length === 0) throw new Error('the graph is not drawn yet');
  const bounds = getNodesBounds(nodes);
  const width = Math.min(4096, Math.max(800, Math.ceil(bounds.width * 1.1)));
  const height = Math.min(4096, Math.max(500, Math.ceil(bounds.height * 1.1)));
  const v = getViewportForBounds(bounds, width, height, 0.1, 2, PAD);
  const { toPng, toSvg } = await import('html-to-image');
  const options = {
    backgroundColor: '#ffffff', width, height, cacheBust: true,
    style: { width: `${width}px`, height: `${height}px`, transform: `translate(${v.x}px, ${v.y}px) scale(${v.zoom})` },
  };
  return format === 'png' ? toPng(viewport, options) : toSvg(viewport, options);
}
