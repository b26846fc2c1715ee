// The shell's line editing, as a small pure state machine over the keys a terminal sends:
// printable text (typed or pasted) goes in at the cursor; Backspace, Delete, the arrows,
// Home and End move and erase; Up and Down walk the history; Tab asks for completion; Enter
// submits; Ctrl-C drops the line; Ctrl-L clears the screen. The view turns each state into
// what to draw.
export interface LineState {
  readonly text: string;
  readonly cursor: number;
  /** Position in the history while walking it (history.length: the line being typed). */
  readonly histPos: number;
  /** The line typed before walking the history, restored when walking back past the end. */
  readonly draft: string;
}

export type LineEvent =
  | { readonly kind: 'edit' }
  | { readonly kind: 'submit'; readonly line: string }
  | { readonly kind: 'complete' }
  | { readonly kind: 'cancel'; readonly line: string }
  | { readonly kind: 'clear' }
  | { readonly kind: 'none' };

export const EMPTY_LINE = (histLen: number): LineState => ({ text: '', cursor: 0, histPos: histLen, draft: '' });

const KEYS: Readonly<Record<string, string>> = {
  '\x1b[D': 'left', '\x1b[C': 'right', '\x1b[A': 'up', '\x1b[B': 'down', '\x1b[H': 'home', '\x1b[F': 'end', '\x1bOH': 'home', '\x1bOF': 'end',
  '\x1b[1~': 'home', '\x1b[4~': 'end', '\x1b[3~': 'delete', '\x7f': 'backspace', '\b': 'backspace', '\r': 'enter', '\t': 'tab',
  '\x03': 'ctrl-c', '\x0c': 'ctrl-l', '\x01': 'home', '\x05': 'end', '\x15': 'kill-line',
};

/** One chunk of input (a key, or pasted text) applied to the line. */
export function applyInput(s: LineState, data: string, history: readonly string[]): { state: LineState; event: LineEvent } {
  const key = KEYS[data];
  const edit = (state: LineState): { state: LineState; event: LineEvent } => ({ state, event: { kind: 'edit' } });
  switch (key) {
    case 'left': return edit({ ...s, cursor: Math.max(0, s.cursor - 1) });
    case 'right': return edit({ ...s, cursor: Math.min(s.text.length, s.cursor + 1) });
    case 'home': return edit({ ...s, cursor: 0 });
    case 'end': return edit({ ...s, cursor: s.text.length });
    case 'backspace':
      return s.cursor === 0 ? { state: s, event: { kind: 'none' } } : edit({ ...s, text: s.text.slice(0, s.cursor - 1) + s.text.slice(s.cursor), cursor: s.cursor - 1 });
    case 'delete':
      return s.cursor >= s.text.length ? { state: s, event: { kind: 'none' } } : edit({ ...s, text: s.text.slice(0, s.cursor) + s.text.slice(s.cursor + 1) });
    case 'kill-line': return edit({ ...s, text: s.text.slice(s.cursor), cursor: 0 });
    case 'up': {
      if (s.histPos === 0 || history.length === 0) return { state: s, event: { kind: 'none' } };
      const pos = s.histPos - 1;
      const text = history[pos]!;
      return edit({ text, cursor: text.length, histPos: pos, draft: s.histPos === history.length ? s.text : s.draft });
    }
    case 'down': {
      if (s.histPos >= history.length) return { state: s, event: { kind: 'none' } };
      const pos = s.histPos + 1;
      const text = pos === history.length ? s.draft : history[pos]!;
      return edit({ text, cursor: text.length, histPos: pos, draft: s.draft });
    }
    case 'enter': return { state: EMPTY_LINE(history.length + 1), event: { kind: 'submit', line: s.text } };
    case 'tab': return { state: s, event: { kind: 'complete' } };
    case 'ctrl-c': return { state: EMPTY_LINE(history.length), event: { kind: 'cancel', line: s.text } };
    case 'ctrl-l': return { state: s, event: { kind: 'clear' } };
    default: break;
  }
  if (data.startsWith('\x1b')) return { state: s, event: { kind: 'none' } };
  // Pasted text may hold several lines: the first Enter submits what came before it.
  const nl = data.search(/[\r\n]/);
  const chunk = [...(nl < 0 ? data : data.slice(0, nl))].filter((ch) => ch >= ' ' && ch !== '\x7f').join('');
  const text = s.text.slice(0, s.cursor) + chunk + s.text.slice(s.cursor);
  const next = { ...s, text, cursor: s.cursor + chunk.length };
  if (nl >= 0) return { state: EMPTY_LINE(history.length + 1), event: { kind: 'submit', line: next.text } };
  return chunk ? edit(next) : { state: s, event: { kind: 'none' } };
}
