// Import from kubectl: paste (or drop a file of) `kubectl get pods,svc,deploy,ds,sts,ingress,
// netpol,endpointslices -A -o yaml`, and `kubectl get nodes -o yaml`; the cluster becomes the
// working scenario (one undo step) and the report says what was kept, left out and inferred.
import { useRef, useState, type DragEvent, type RefObject } from 'react';
import type { ImportReport } from '../../engine';
import { useAppStore } from '../../store';
import { IconImport } from './icons';

const FIRST = 'kubectl get pods,svc,deploy,ds,sts,ingress,netpol,endpointslices -A -o yaml';
const SECOND = 'kubectl get nodes -o yaml';

/** A paste field, left to the browser (a cluster's dump is megabytes: React does not re-render it on every key). */
function Paste({ label, area }: { label: string; area: RefObject<HTMLTextAreaElement | null> }) {
  const onDrop = (e: DragEvent) => {
    const file = e.dataTransfer.files[0];
    if (!file) return;
    e.preventDefault();
    void file.text().then((t) => { if (area.current) area.current.value = t; });
  };
  return (
    <label className="pp-field pp-import-paste">
      <span>{label}</span>
      <textarea ref={area} className="pp-input pp-input-lines" rows={6} onDrop={onDrop} onDragOver={(e) => e.preventDefault()} spellCheck={false} placeholder="Paste here, or drop the file" />
    </label>
  );
}

function Report({ report }: { report: ImportReport }) {
  return (
    <div className="pp-import-report" aria-label="Import report" role="region">
      <h3>Kept ({report.kept.length})</h3>
      <ul>{report.kept.map((k) => <li key={k}>{k}</li>)}</ul>
      <h3>Worked out</h3>
      <ul>{report.inferred.map((k) => <li key={k}>{k}</li>)}</ul>
      <h3>Left out ({report.ignored.length})</h3>
      <ul>{report.ignored.map((k) => <li key={k.what}><strong>{k.what}</strong>: {k.why}</li>)}</ul>
    </div>
  );
}

export function ImportDialog() {
  const importKubectl = useAppStore((s) => s.importKubectl);
  const dialog = useRef<HTMLDialogElement>(null);
  const objects = useRef<HTMLTextAreaElement>(null);
  const nodes = useRef<HTMLTextAreaElement>(null);
  const [result, setResult] = useState<{ error?: string; report?: ImportReport } | null>(null);
  const run = async () => {
    const texts = [objects.current?.value ?? '', nodes.current?.value ?? ''];
    if (texts.every((t) => t.trim() === '')) { setResult({ error: 'Paste the output of kubectl first.' }); return; }
    const out = await importKubectl(texts);
    setResult(out.ok ? { report: out.report } : { error: out.error, ...(out.report ? { report: out.report } : {}) });
  };
  return (
    <>
      <button type="button" className="pp-btn pp-btn-dark" onClick={() => dialog.current?.showModal()}><IconImport /><span className="pp-btn-text">Import<span className="pp-btn-short"> kubectl</span></span></button>
      <dialog ref={dialog} className="pp-dialog pp-dialog-wide" aria-labelledby="pp-import-title">
        <div className="pp-dialog-head">
          <h2 id="pp-import-title" className="pp-panel-title">Import your cluster from kubectl</h2>
          <button type="button" className="pp-btn pp-btn-quiet" onClick={() => dialog.current?.close()}>Close</button>
        </div>
        <div className="pp-import-body">
          <Paste label={`1. ${FIRST}`} area={objects} />
          <Paste label={`2. ${SECOND} (optional: the nodes' addresses and pod ranges)`} area={nodes} />
          <button type="button" className="pp-btn pp-btn-primary" onClick={() => void run()}>Import</button>
          <p role="status" className={result?.error ? 'pp-field-error' : 'pp-muted'}>{result?.error ?? (result?.report ? `Imported: the graph shows your cluster. Undo brings the previous scenario back.` : '')}</p>
          {result?.report && <Report report={result.report} />}
        </div>
      </dialog>
    </>
  );
}
