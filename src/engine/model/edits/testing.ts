// Test support for edits: apply and fail loudly, parse the result, and say which documents
// an edit changed (so a test can check that every other document kept its exact text).
import { parseAllDocuments } from 'yaml';
import { parseScenario } from '../parse';
import type { Scenario } from '../types';
import { applyEdits } from './apply';
import type { ScenarioEdit } from './types';

export function edited(text: string, ...edits: ScenarioEdit[]): { text: string; notes: readonly string[]; made?: { kind: string; name: string; namespace?: string } } {
  const out = applyEdits(text, edits);
  if (!out.ok) throw new Error(out.error);
  return out;
}

export function refused(text: string, edit: ScenarioEdit): string {
  const out = applyEdits(text, [edit]);
  if (out.ok) throw new Error('the edit was expected to be refused');
  return out.error;
}

export function scenarioOf(text: string): Scenario {
  const p = parseScenario(text);
  if (!p.ok) throw new Error(p.errors.map((e) => `${e.object ?? ''} ${e.field ?? ''}: ${e.message}`).join('\n'));
  return p.scenario;
}

/** Each document's text, named "Kind ns/name" (or "Kind name"). */
function docTexts(text: string): Map<string, string> {
  const out = new Map<string, string>();
  let at = 0;
  const docs = parseAllDocuments(text);
  for (const d of Array.isArray(docs) ? docs : []) {
    const end = d.range[2];
    const piece = text.slice(at, end).replace(/^---\n/, '').trim();
    at = end;
    const kind = String(d.get('kind'));
    const name = d.getIn(['metadata', 'name']);
    const ns = d.getIn(['metadata', 'namespace']);
    out.set(name === undefined ? kind : `${kind} ${ns ? `${ns}/` : ''}${String(name)}`, piece);
  }
  return out;
}

/** The documents `after` added, removed or changed relative to `before`, sorted. */
export function changedDocs(before: string, after: string): string[] {
  const a = docTexts(before);
  const b = docTexts(after);
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].filter((n) => a.get(n) !== b.get(n)).sort();
}
