import { describe, expect, it } from 'vitest';
import { applyInput, EMPTY_LINE, type LineState } from './lineEditor';

const type = (keys: readonly string[], history: readonly string[] = [], from: LineState = EMPTY_LINE(history.length)) => {
  let s = from;
  const events: string[] = [];
  for (const k of keys) {
    const r = applyInput(s, k, history);
    s = r.state;
    events.push(r.event.kind === 'submit' ? `submit:${r.event.line}` : r.event.kind);
  }
  return { s, events };
};

describe('the shell\'s line editor', () => {
  it('inserts at the cursor, moves with the arrows and erases with Backspace and Delete', () => {
    const { s } = type(['curl ap', '\x1b[D', '\x1b[D', 'X', '\x7f', '\x1b[3~', '\x1b[F', 'i']);
    expect(s).toMatchObject({ text: 'curl pi', cursor: 7 });
  });

  it('submits on Enter, also from pasted text ending in a newline, and drops the line on Ctrl-C', () => {
    expect(type(['hostname', '\r']).events.at(-1)).toBe('submit:hostname');
    expect(type(['curl http://api/\n']).events).toEqual(['submit:curl http://api/']);
    expect(type(['ip ro', '\x03']).s.text).toBe('');
  });

  it('walks the history with Up and Down and gives back the line being typed', () => {
    const h = ['ping a', 'curl b'];
    const { s } = type(['draft', '\x1b[A', '\x1b[A', '\x1b[A'], h);
    expect(s.text).toBe('ping a');
    expect(type(['\x1b[B', '\x1b[B'], h, s).s.text).toBe('draft');
  });

  it('asks for completion on Tab and ignores other escape sequences and control characters', () => {
    expect(type(['cu', '\t']).events.at(-1)).toBe('complete');
    expect(type(['\x1b[5~', 'a\x07b']).s.text).toBe('ab');
  });
});
