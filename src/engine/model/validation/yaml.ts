// Reads the scenario text as YAML safely: bounded size, printable characters only, no
// duplicate keys (checked with a set per mapping, so a 40,000-key mapping is linear), only
// the core schema's tags, aliases that name an earlier anchor of the same document and do
// not contain themselves, a bounded expansion (no "billion laughs"), bounded nesting. Each
// problem is a located error in the words of go-yaml, the decoder kubectl and kind use.
// While walking it records every field's line (locate.ts).
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node } from 'yaml';
import { formatPath, type FieldLines, type FieldPath } from '../locate';
import type { ScenarioError } from '../types';
import { count, LIMITS } from './limits';

export interface YamlDoc {
  /** 1-based position in the text. */
  readonly index: number;
  readonly value: unknown;
  /** The document's first line. */
  readonly line: number;
  readonly fields: FieldLines;
}

const CORE_TAGS = new Set(['tag:yaml.org,2002:str', 'tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null', 'tag:yaml.org,2002:map', 'tag:yaml.org,2002:seq', 'tag:yaml.org,2002:merge']);

/** UTF-8 length without encoding the text. */
function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c <= 0xdbff ? (i++, 4) : 3;
  }
  return n;
}

/** YAML's c-printable: tab, LF, CR, the printable ASCII and Unicode ranges, whole surrogate pairs. */
function firstUnprintable(text: string): { at: number; code: number; surrogate: boolean } | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x85 || (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd)) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
    }
    return { at: i, code: c, surrogate: c >= 0xd800 && c <= 0xdfff };
  }
  return undefined;
}

const hasLoneSurrogate = (s: string) => /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);

interface Walk {
  readonly doc: Document;
  readonly lc: LineCounter;
  readonly index: number;
  readonly errors: ScenarioError[];
  readonly fields: Record<string, number>;
  /** Expanded size of each finished node, for aliases to reuse. */
  readonly sizes: Map<Node, number>;
  readonly anchors: Map<string, Node>;
  readonly open: Set<Node>;
}

const lineOfOffset = (w: Walk, offset: number | undefined) => w.lc.linePos(offset ?? 0).line;

function err(w: Walk, offset: number | undefined, path: FieldPath, message: string): void {
  const field = formatPath(path);
  w.errors.push({ doc: w.index, line: lineOfOffset(w, offset), ...(field ? { field } : {}), message });
}

function keyText(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? 'null' : String(key.value);
  return undefined;
}

/** Walks a node depth-first; returns its size once aliases are expanded (Infinity on a fatal problem). */
function walk(w: Walk, node: unknown, path: FieldPath, depth: number): number {
  if (depth > LIMITS.yamlDepth) {
    err(w, (node as Node | undefined)?.range?.[0], path, `yaml: exceeded max depth of ${count(LIMITS.yamlDepth)}`);
    return Infinity;
  }
  if (isAlias(node)) {
    const target = w.anchors.get(node.source);
    if (target === undefined) {
      err(w, node.range?.[0], path, `yaml: unknown anchor '${node.source}' referenced (an alias names an anchor set earlier in the same document; --- starts a new document)`);
      return Infinity;
    }
    if (w.open.has(target)) {
      err(w, node.range?.[0], path, `yaml: anchor '${node.source}' value contains itself`);
      return Infinity;
    }
    return w.sizes.get(target) ?? 1;
  }
  if (!isScalar(node) && !isMap(node) && !isSeq(node)) return 0;
  if (node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
    err(w, node.range?.[0], path, `yaml: unknown tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}: a manifest holds only strings, numbers, booleans, null, sequences and mappings`);
  }
  if (node.anchor) {
    w.anchors.set(node.anchor, node);
    w.open.add(node);
  }
  let size = 1;
  if (isScalar(node)) {
    if (typeof node.value === 'string' && hasLoneSurrogate(node.value)) err(w, node.range?.[0], path, 'yaml: found invalid Unicode character escape code (a lone UTF-16 surrogate)');
  } else if (isSeq(node)) {
    node.items.forEach((item, i) => {
      const p = [...path, i];
      w.fields[formatPath(p)] ??= lineOfOffset(w, (item as Node | null)?.range?.[0]);
      size += walk(w, item, p, depth + 1);
    });
  } else {
    const seen = new Set<string>();
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const k = keyText(pair.key);
      const keyOffset = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0];
      if (k === undefined) {
        err(w, keyOffset, path, 'yaml: a mapping key must be a string, a number or a boolean, not a sequence, a mapping or an alias');
        size = Infinity;
        continue;
      }
      if (seen.has(k) && k !== '<<') err(w, keyOffset, [...path, k], `yaml: key ${JSON.stringify(k)} already set in map`);
      seen.add(k);
      const p = k === '<<' ? path : [...path, k];
      if (k !== '<<') w.fields[formatPath(p)] ??= lineOfOffset(w, keyOffset);
      size += 1 + walk(w, pair.value, p, depth + 1);
    }
  }
  if (node.anchor) {
    w.open.delete(node);
    w.sizes.set(node, size);
  }
  return size;
}

/** "Pod default/web" from the document's own kind and metadata, read without resolving anything. */
function objectOf(doc: Document): string | undefined {
  if (!isMap(doc.contents)) return undefined;
  const str = (path: string[]) => {
    const v = doc.getIn(path, true);
    return isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
  };
  const kind = str(['kind']);
  if (kind === undefined) return undefined;
  const name = str(['metadata', 'name']);
  if (name === undefined) return kind;
  return ['Namespace', 'Cluster', 'Podpath'].includes(kind) ? `${kind} ${name}` : `${kind} ${str(['metadata', 'namespace']) ?? 'default'}/${name}`;
}

export function readYaml(text: string): { readonly docs: readonly YamlDoc[]; readonly errors: readonly ScenarioError[] } {
  const bytes = utf8Bytes(text);
  if (bytes > LIMITS.textBytes) {
    return { docs: [], errors: [{ doc: 0, line: 1, message: `the scenario is ${count(bytes)} bytes; podpath reads at most ${count(LIMITS.textBytes)} bytes (1 MiB) of YAML` }] };
  }
  const bad = firstUnprintable(text);
  if (bad) {
    const line = text.slice(0, bad.at).split('\n').length;
    const what = bad.surrogate ? `a lone UTF-16 surrogate U+${bad.code.toString(16).toUpperCase()} is not valid UTF-8` : `control characters are not allowed (U+${bad.code.toString(16).toUpperCase().padStart(4, '0')})`;
    return { docs: [], errors: [{ doc: 0, line, message: `yaml: ${what}` }] };
  }
  const lc = new LineCounter();
  let parsed: Document.Parsed[];
  try {
    parsed = parseAllDocuments(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: false, merge: true }) as Document.Parsed[];
  } catch (e) {
    return { docs: [], errors: [{ doc: 0, line: 1, message: `YAML syntax: ${e instanceof Error ? e.message : String(e)}` }] };
  }
  if (!Array.isArray(parsed)) parsed = [];
  const docs: YamlDoc[] = [];
  const errors: ScenarioError[] = [];
  let total = 0;
  parsed.forEach((doc, i) => {
    const index = i + 1;
    if (total > LIMITS.yamlNodes) return;
    const first = lc.linePos(doc.contents?.range?.[0] ?? doc.range?.[0] ?? 0).line;
    if (doc.errors.length > 0) {
      const seen = new Set<string>();
      for (const e of doc.errors) {
        const line = e.linePos?.[0]?.line ?? lc.linePos(e.pos[0]).line;
        // The library runs out of stack on very deep nesting, once per level it unwinds: say it once.
        if (e.code === 'RESOURCE_EXHAUSTION' && seen.has('deep')) continue;
        const message = e.code === 'RESOURCE_EXHAUSTION' ? `yaml: nesting too deep for the YAML reader (${e.message})` : `YAML syntax: ${e.message.split('\n')[0]}`;
        if (e.code === 'RESOURCE_EXHAUSTION') seen.add('deep');
        if (!seen.has(`${line}:${message}`)) errors.push({ doc: index, line, message });
        seen.add(`${line}:${message}`);
      }
      return;
    }
    const w: Walk = { doc, lc, index, errors: [], fields: { '': first }, sizes: new Map(), anchors: new Map(), open: new Set() };
    total += walk(w, doc.contents, [], 0);
    if (w.errors.length > 0) {
      const object = objectOf(doc);
      errors.push(...w.errors.map((e) => (object ? { ...e, object } : e)));
      return;
    }
    if (total > LIMITS.yamlNodes) {
      errors.push({ doc: index, line: first, message: `yaml: document contains excessive aliasing: the scenario expands to more than ${count(LIMITS.yamlNodes)} values` });
      return;
    }
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: -1 });
    } catch (e) {
      errors.push({ doc: index, line: first, message: `yaml: ${e instanceof Error ? e.message : String(e)}` });
      return;
    }
    docs.push({ index, value, line: first, fields: w.fields });
  });
  return { docs, errors };
}
