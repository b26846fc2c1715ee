// Whether a scenario text says nothing at all: only blank lines, comments and document
// markers. Such a text parses to kind's default one-node cluster, so applying it replaces
// whatever the user had; the editor asks first.
export function isBlankScenario(text: string): boolean {
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line === '---' || line === '...' || line.startsWith('--- #')) continue;
    return false;
  }
  return true;
}
