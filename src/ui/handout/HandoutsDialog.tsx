// Handouts: the graph as PNG or SVG with the selected hop drawn, the trace as Markdown
// (exchanges, a hop table per leg with rewrites and rules) and as JSON, and the scenario for
// a real kind cluster (config, manifests and the commands to make it).
import { useRef, useState } from 'react';
import { formatTraceMarkdown } from '../../engine/lite';
import { hopRefOf, useAppStore } from '../../store';
import { IconHandout } from '../session/icons';
import { download } from './download';
import { exportGraph } from './exportImage';

export function HandoutsDialog() {
  const trace = useAppStore((s) => s.trace);
  const step = useAppStore((s) => s.steps[s.position]);
  const kindHandout = useAppStore((s) => s.kindHandout);
  const dialog = useRef<HTMLDialogElement>(null);
  const [said, setSaid] = useState('');
  const run = async (what: string, make: () => Promise<void> | void) => {
    try {
      await make();
      setSaid(`${what}: downloaded`);
    } catch (e) {
      setSaid(`${what} could not be made: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const kind = async (file: 'markdown' | 'config' | 'manifests') => {
    const out = await kindHandout();
    if (!out.ok) throw new Error(out.error);
    const [name, text] = file === 'markdown' ? ['podpath-kind.md', out.handout.markdown] : file === 'config' ? ['kind-config.yaml', out.handout.config] : ['manifests.yaml', out.handout.manifests];
    download(name, text, file === 'markdown' ? 'text/markdown' : 'application/yaml');
  };
  const marked = step ? hopRefOf(step) : undefined;
  return (
    <>
      <button type="button" className="pp-btn pp-btn-dark" onClick={() => dialog.current?.showModal()}><IconHandout /><span className="pp-btn-text">Handouts</span></button>
      <dialog ref={dialog} className="pp-dialog" aria-labelledby="pp-handouts-title">
        <div className="pp-dialog-head">
          <h2 id="pp-handouts-title" className="pp-panel-title">Handouts</h2>
          <button type="button" className="pp-btn pp-btn-quiet" onClick={() => dialog.current?.close()}>Close</button>
        </div>
        <div className="pp-handouts">
          <h3>The graph{step ? `, at hop ${step.index + 1} of ${step.leg}` : ''}</h3>
          <div className="pp-handout-row">
            <button type="button" className="pp-btn" onClick={() => void run('Graph as PNG', async () => download('podpath-graph.png', await exportGraph('png')))}>Graph as PNG</button>
            <button type="button" className="pp-btn" onClick={() => void run('Graph as SVG', async () => download('podpath-graph.svg', await exportGraph('svg')))}>Graph as SVG</button>
          </div>
          <h3>The trace</h3>
          <div className="pp-handout-row">
            <button type="button" className="pp-btn" disabled={!trace} onClick={() => void run('Trace as Markdown', () => download('podpath-trace.md', formatTraceMarkdown(trace!, marked), 'text/markdown'))}>Trace as Markdown</button>
            <button type="button" className="pp-btn" disabled={!trace} onClick={() => void run('Trace as JSON', () => download('podpath-trace.json', `${JSON.stringify(trace, null, 2)}\n`, 'application/json'))}>Trace as JSON</button>
            {!trace && <span className="pp-muted">Send a packet first.</span>}
          </div>
          <h3>On a real cluster</h3>
          <div className="pp-handout-row">
            <button type="button" className="pp-btn" onClick={() => void run('Scenario for kind', () => kind('markdown'))}>Scenario for kind (commands and files)</button>
            <button type="button" className="pp-btn" onClick={() => void run('kind-config.yaml', () => kind('config'))}>kind-config.yaml</button>
            <button type="button" className="pp-btn" onClick={() => void run('manifests.yaml', () => kind('manifests'))}>manifests.yaml</button>
          </div>
          <p role="status" className="pp-muted">{said}</p>
        </div>
      </dialog>
    </>
  );
}
