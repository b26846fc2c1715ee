// Finding a line in the editor's text, to put the cursor on an error.
import { describe, expect, it } from 'vitest';
import { offsetOfLine } from './lines';

describe('offsetOfLine', () => {
  const text = 'kind: Pod\nmetadata:\n  name: web\n';

  it('finds the start of the first and of a later line', () => {
    expect(offsetOfLine(text, 1)).toBe(0);
    expect(offsetOfLine(text, 3)).toBe(text.indexOf('  name'));
  });

  it('stops at the end of the text for a line past the end', () => {
    expect(offsetOfLine('a\nb', 9)).toBe(3);
  });
});
