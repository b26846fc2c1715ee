import { describe, expect, it } from 'vitest';
import { documentText } from './documents';

const TEXT = '# the cluster\napiVersion: v1\nkind: A\n---\n# keep me\napiVersion: v1\nkind: B # inline\n---\napiVersion: v1\nkind: C\n';

describe('one document of a scenario', () => {
  it('reads a document without its --- marker, comments kept', () => {
    expect(documentText(TEXT, 1)).toBe('# the cluster\napiVersion: v1\nkind: A\n');
    expect(documentText(TEXT, 2)).toBe('# keep me\napiVersion: v1\nkind: B # inline\n');
    expect(documentText(TEXT, 4)).toBeUndefined();
  });
});
