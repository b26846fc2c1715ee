// The yardstick for podpath's render benchmark: a bare React Flow page, built by the same
// toolchain (Vite, React 19, @xyflow/react), drawing ?nodes= default nodes and ?edges= default
// edges in a grid, fitted to the view, with one element moving along an edge, as a packet
// would. Whatever podpath does beyond this costs frames; the benchmark divides the two.
import { ReactFlow, ViewportPortal, type Edge, type Node } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

const params = new URLSearchParams(location.search);
const count = Number(params.get('nodes') ?? 100);
const edgeCount = Number(params.get('edges') ?? count);
const cols = Math.ceil(Math.sqrt(count * 1.6));
const at = (i: number) => ({ x: (i % cols) * 200, y: Math.floor(i / cols) * 110 });
const nodes: Node[] = Array.from({ length: count }, (_, i) => ({ id: `n${i}`, position: at(i), data: { label: `node ${i}` } }));
const edges: Edge[] = Array.from({ length: edgeCount }, (_, i) => ({ id: `e${i}`, source: `n${i % count}`, target: `n${(i + 1) % count}` }));

/** One element moving to and fro between the first two nodes, every frame. */
function Mover() {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let frame = 0;
    const [a, b] = [at(0), at(1)];
    const tick = (t: number) => {
      const k = (Math.sin(t / 400) + 1) / 2;
      if (el.current) el.current.style.transform = `translate(${a.x + 75 + (b.x - a.x) * k}px, ${a.y + 20 + (b.y - a.y) * k}px)`;
      frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
  }, []);
  return (
    <ViewportPortal>
      <div ref={el} style={{ position: 'absolute', padding: '1px 8px', color: '#fff', background: '#b4410a', borderRadius: 10 }}>SYN</div>
    </ViewportPortal>
  );
}

createRoot(document.getElementById('root')!).render(
  <ReactFlow nodes={nodes} edges={edges} fitView minZoom={0.02}>
    <Mover />
  </ReactFlow>,
);
