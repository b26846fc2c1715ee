// The shell dock under the graph: whose shell it is, Clear and Close, the terminal itself
// (loaded when first needed) and a screen-reader log of what the shell printed.
import { lazy, Suspense } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import './terminal.css';

const XtermView = lazy(() => import('./XtermView'));

/** The text of the last lines, as plain text, for the screen-reader log. */
function useLogText(): string {
  return useAppStore((s) => s.shellLines.slice(-40).map((l) => (l.kind === 'command' ? `${l.prompt ?? ''}${l.text}` : l.text)).join('\n'));
}

export function TerminalDock() {
  const s = useAppStore(useShallow((st) => ({ shell: st.shell, busy: st.shellBusy, close: st.closeShell, clear: st.clearShell })));
  const log = useLogText();
  if (!s.shell) return null;
  return (
    <section className="pp-terminal" aria-label={`Shell in ${s.shell.name}`}>
      <header className="pp-terminal-head">
        <h2 className="pp-terminal-title">Shell <span className="pp-terminal-who">{s.shell.name}</span></h2>
        {s.busy && <span className="pp-terminal-busy" role="status">running…</span>}
        <button type="button" className="pp-btn pp-btn-quiet pp-terminal-btn" onClick={s.clear}>Clear</button>
        <button type="button" className="pp-btn pp-btn-quiet pp-terminal-btn" onClick={s.close} aria-label="Close the shell">Close</button>
      </header>
      <Suspense fallback={<div className="pp-xterm pp-xterm-loading">Loading the terminal…</div>}>
        <XtermView />
      </Suspense>
      <pre className="pp-sr-only" role="log" aria-label="Shell output" aria-live="polite">{log}</pre>
    </section>
  );
}
