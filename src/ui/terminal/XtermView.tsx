// The shell's terminal: an xterm.js screen that prints what the shell slice holds and edits
// the command line (lineEditor.ts). It is loaded only when a shell is first opened. A
// visually hidden log beside it carries the same text for screen readers.
import { useContext, useEffect, useRef } from 'react';
import { Terminal } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import { complete, StoreContext, type TermLine } from '../../store';
import { applyInput, EMPTY_LINE, type LineState } from './lineEditor';

const COLOURS = { stderr: '\x1b[38;5;210m', info: '\x1b[38;5;109m', prompt: '\x1b[38;5;114m', reset: '\x1b[0m' };

/** A line of output as the terminal draws it (CR LF line ends, colour for stderr and notes). */
function drawn(l: TermLine): string {
  const text = l.text.replace(/\n/g, '\r\n');
  switch (l.kind) {
    case 'command': return `${COLOURS.prompt}${l.prompt ?? ''}${COLOURS.reset}${text}\r\n`;
    case 'stdout': return `${text}\r\n`;
    case 'stderr': return `${COLOURS.stderr}${text}${COLOURS.reset}\r\n`;
    case 'info': return `${COLOURS.info}${text}${COLOURS.reset}\r\n`;
  }
}

export default function XtermView() {
  const host = useRef<HTMLDivElement>(null);
  const store = useContext(StoreContext);

  useEffect(() => {
    if (!host.current || !store) return;
    const term = new Terminal({
      convertEol: false, cursorBlink: true, fontSize: 13, scrollback: 4000, screenReaderMode: false,
      fontFamily: getComputedStyle(host.current).getPropertyValue('--mono') || 'ui-monospace, monospace',
      theme: { background: '#141b24', foreground: '#e4e9f0', cursor: '#f0a35e', selectionBackground: '#3a4a60' },
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(host.current);
    term.textarea?.setAttribute('aria-label', 'Shell input: type a command and press Enter');
    const refit = () => { try { fit.fit(); } catch { /* not laid out yet */ } };
    refit();
    const resize = new ResizeObserver(refit);
    resize.observe(host.current);

    let line: LineState = EMPTY_LINE(store.getState().shellHistory.length);
    let written = 0;
    const prompt = () => store.getState().shell?.prompt ?? '$ ';
    const redraw = () => {
      const back = line.text.length - line.cursor;
      term.write(`\r\x1b[K${COLOURS.prompt}${prompt()}${COLOURS.reset}${line.text}${back > 0 ? `\x1b[${back}D` : ''}`);
    };
    const sync = () => {
      const s = store.getState();
      if (s.shellLines.length < written) { term.reset(); written = 0; }
      if (s.shellLines.length > written) {
        term.write('\r\x1b[K');
        for (const l of s.shellLines.slice(written)) term.write(drawn(l));
        written = s.shellLines.length;
      }
      if (!s.shellBusy) redraw();
    };
    sync();
    term.focus();
    const unsub = store.subscribe((s, prev) => {
      if (s.shellLines !== prev.shellLines || s.shellBusy !== prev.shellBusy || s.shell !== prev.shell) sync();
    });
    const input = term.onData((data) => {
      const s = store.getState();
      if (s.shellBusy) return;
      const r = applyInput(line, data, s.shellHistory);
      line = r.state;
      switch (r.event.kind) {
        case 'submit':
          term.write('\r\x1b[K');
          void s.runShellCommand(r.event.line);
          line = EMPTY_LINE(store.getState().shellHistory.length + 1);
          return;
        case 'complete': {
          const c = complete(line.text.slice(0, line.cursor), s.topo);
          if (c.choices.length > 0) term.write(`\r\n${c.choices.join('  ')}\r\n`);
          line = { ...line, text: c.line + line.text.slice(line.cursor), cursor: c.line.length };
          redraw();
          return;
        }
        case 'cancel':
          term.write('^C\r\n');
          redraw();
          return;
        case 'clear':
          s.clearShell();
          term.clear();
          redraw();
          return;
        case 'edit':
          redraw();
          return;
        case 'none':
          return;
      }
    });
    return () => { input.dispose(); unsub(); resize.disconnect(); term.dispose(); };
  }, [store]);

  return <div ref={host} className="pp-xterm" data-testid="xterm" />;
}
