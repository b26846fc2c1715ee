// One way to say where a scenario problem is, shared by the CLI and the app:
// "line 14, document 3 (Pod default/web), spec.nodeName: node "kind-worker9" does not exist".
import type { ScenarioError } from '../model/types';

export function formatScenarioError(e: ScenarioError): string {
  const where: string[] = [];
  if (e.line > 0) where.push(`line ${e.line}`);
  if (e.doc > 0) where.push(`document ${e.doc}${e.object ? ` (${e.object})` : ''}`);
  else if (e.object) where.push(e.object);
  if (e.field) where.push(e.field);
  return where.length ? `${where.join(', ')}: ${e.message}` : e.message;
}
