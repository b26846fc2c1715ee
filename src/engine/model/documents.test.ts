import { describe, expect, it } from 'vitest';
import { appendDocument, documentText, removeDocument, replaceDocument } from './documents';

const TEXT = '# the cluster\napiVersion: v1\nkind: A\n---\n# keep me\napiVersion: v1\nkind: B # inline\n---\napiVersion: v1\nkind: C\n';

describe('editing one document of a scenario', () => {
  it('reads a document without its --- marker, comments kept', () => {
    expect(documentText(TEXT, 1)).toBe('# the cluster\napiVersion: v1\nkind: A\n');
    expect(documentText(TEXT, 2)).toBe('# keep me\napiVersion: v1\nkind: B # inline\n');
    expect(documentText(TEXT, 4)).toBeUndefined();
  });

  it('replaces one document and leaves the others exactly as written', () => {
    expect(replaceDocument(TEXT, 2, 'apiVersion: v1\nkind: Z')).toBe('# the cluster\napiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: Z\n---\napiVersion: v1\nkind: C\n');
    expect(replaceDocument(TEXT, 1, 'kind: Y\n')).toBe('kind: Y\n---\n# keep me\napiVersion: v1\nkind: B # inline\n---\napiVersion: v1\nkind: C\n');
  });

  it('appends a document, and removes one (the first one too)', () => {
    expect(appendDocument(TEXT, 'kind: D')).toBe(`${TEXT}---\nkind: D\n`);
    expect(appendDocument('', 'kind: D')).toBe('kind: D\n');
    expect(removeDocument(TEXT, 2)).toBe('# the cluster\napiVersion: v1\nkind: A\n---\napiVersion: v1\nkind: C\n');
    expect(removeDocument(TEXT, 1)).toBe('# keep me\napiVersion: v1\nkind: B # inline\n---\napiVersion: v1\nkind: C\n');
  });
});
