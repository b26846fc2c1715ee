// Generates src/engine/model/validation/k8s-fields.json: the field names of every kind podpath
// reads, so a typo is refused as the API server's strict decoding refuses it while real fields
// podpath does not model stay accepted. Run by hand when Kubernetes moves:
//
//   npx tsx scripts/gen-k8s-fields.ts --client-go DIR --gateway-api DIR --kind DIR
//
// each DIR a git directory (a clone or a bare mirror) of kubernetes/client-go,
// kubernetes-sigs/gateway-api and kubernetes-sigs/kind. Sources, read at the commit or tag
// given with --*-ref (HEAD by default):
// - Kubernetes kinds: client-go's applyconfigurations/internal/internal.go, the
//   structured-merge-diff schema that applyconfiguration-gen generates from the Kubernetes
//   OpenAPI spec. (The OpenAPI v3 files themselves, api/openapi-spec/v3/*.json in
//   kubernetes/kubernetes, are read the same way with --openapi FILE...; that repository was
//   too large to fetch here.)
// - Gateway API kinds: the CRDs' openAPIV3Schema (config/crd/standard).
// - kind's Cluster: the Go structs of pkg/apis/config/v1alpha4/types.go, with their yaml tags.
//
// A type reference in the output is "" (a value with nothing to check inside), "*" (anything:
// x-kubernetes-preserve-unknown-fields), "[]T" (a list of T), "{}T" (a map of T) or a type name.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';

type Ref = string;
type Types = Record<string, Record<string, Ref>>;

const { values } = parseArgs({ options: {
  'client-go': { type: 'string' }, 'client-go-ref': { type: 'string' },
  'gateway-api': { type: 'string' }, 'gateway-api-ref': { type: 'string' },
  kind: { type: 'string' }, 'kind-ref': { type: 'string' },
  openapi: { type: 'string', multiple: true }, out: { type: 'string' },
} });

const show = (dir: string, ref: string, path: string) => execFileSync('git', ['--git-dir', dir.endsWith('.git') || dir.endsWith('repo') ? dir : `${dir}/.git`, 'show', `${ref}:${path}`], { encoding: 'utf8', maxBuffer: 1 << 28 });
const rev = (dir: string, ref: string) => execFileSync('git', ['--git-dir', dir.endsWith('.git') || dir.endsWith('repo') ? dir : `${dir}/.git`, 'rev-parse', ref], { encoding: 'utf8' }).trim();

const short = (name: string) => name.replace(/^io\.k8s\.api\./, '').replace(/^io\.k8s\.apimachinery\.pkg\.apis\./, '').replace(/^io\.k8s\.apimachinery\.pkg\./, '');

const ROOTS: Readonly<Record<string, { apiVersion: string; type: string }>> = {
  Pod: { apiVersion: 'v1', type: 'io.k8s.api.core.v1.Pod' },
  Service: { apiVersion: 'v1', type: 'io.k8s.api.core.v1.Service' },
  Namespace: { apiVersion: 'v1', type: 'io.k8s.api.core.v1.Namespace' },
  ConfigMap: { apiVersion: 'v1', type: 'io.k8s.api.core.v1.ConfigMap' },
  Deployment: { apiVersion: 'apps/v1', type: 'io.k8s.api.apps.v1.Deployment' },
  DaemonSet: { apiVersion: 'apps/v1', type: 'io.k8s.api.apps.v1.DaemonSet' },
  StatefulSet: { apiVersion: 'apps/v1', type: 'io.k8s.api.apps.v1.StatefulSet' },
  EndpointSlice: { apiVersion: 'discovery.k8s.io/v1', type: 'io.k8s.api.discovery.v1.EndpointSlice' },
  Ingress: { apiVersion: 'networking.k8s.io/v1', type: 'io.k8s.api.networking.v1.Ingress' },
  IngressClass: { apiVersion: 'networking.k8s.io/v1', type: 'io.k8s.api.networking.v1.IngressClass' },
  NetworkPolicy: { apiVersion: 'networking.k8s.io/v1', type: 'io.k8s.api.networking.v1.NetworkPolicy' },
};

/** structured-merge-diff's schema: named types with map fields, element types, scalars. */
function fromSmd(text: string, types: Types): void {
  const start = text.indexOf('typed.YAMLObject(`') + 'typed.YAMLObject(`'.length;
  const schema = parse(text.slice(start, text.indexOf('`)', start))) as { types: SmdType[] };
  const byName = new Map(schema.types.map((t) => [t.name, t]));
  const refOf = (t: SmdTypeRef | undefined): Ref => {
    if (!t) return '';
    if (t.namedType) {
      if (t.namedType.startsWith('__untyped')) return '*';
      const named = byName.get(t.namedType);
      if (!named?.map?.fields) return named?.map?.elementType ? `{}${refOf(named.map.elementType)}` : '';
      visit(t.namedType);
      return short(t.namedType);
    }
    if (t.list) return `[]${refOf(t.list.elementType)}`;
    if (t.map) return t.map.fields ? '*' : `{}${refOf(t.map.elementType)}`;
    return '';
  };
  const visit = (name: string): void => {
    const key = short(name);
    if (types[key]) return;
    const t = byName.get(name);
    if (!t?.map?.fields) return;
    types[key] = {};
    for (const f of t.map.fields) types[key]![f.name] = refOf(f.type);
  };
  for (const root of Object.values(ROOTS)) visit(root.type);
}

interface SmdTypeRef { namedType?: string; scalar?: string; list?: { elementType: SmdTypeRef }; map?: { fields?: { name: string; type: SmdTypeRef }[]; elementType?: SmdTypeRef } }
interface SmdType extends SmdTypeRef { name: string }

interface OpenApi { type?: string; properties?: Record<string, OpenApi>; items?: OpenApi; additionalProperties?: OpenApi | boolean; $ref?: string; allOf?: OpenApi[]; 'x-kubernetes-preserve-unknown-fields'?: boolean }

/** An OpenAPI v3 schema (inline, as in a CRD, or with $refs to components). */
function fromOpenApi(s: OpenApi, name: string, types: Types, components: Record<string, OpenApi> = {}): Ref {
  const ref = s.$ref ?? s.allOf?.find((x) => x.$ref)?.$ref;
  if (ref) {
    const target = ref.replace('#/components/schemas/', '');
    if (!types[short(target)] && components[target]) fromOpenApi(components[target]!, short(target), types, components);
    return types[short(target)] ? short(target) : '';
  }
  if (s['x-kubernetes-preserve-unknown-fields']) return '*';
  if (s.properties) {
    types[name] = {};
    for (const [k, v] of Object.entries(s.properties)) types[name]![k] = k === 'metadata' && !v.properties ? 'meta.v1.ObjectMeta' : fromOpenApi(v, `${name}.${k}`, types, components);
    return name;
  }
  if (s.items) return `[]${fromOpenApi(s.items, `${name}[]`, types, components)}`;
  if (typeof s.additionalProperties === 'object') return `{}${fromOpenApi(s.additionalProperties, `${name}{}`, types, components)}`;
  if (s.type === 'object') return '*';
  return '';
}

/** kind's v1alpha4 Go structs: `Name Type \`yaml:"name,omitempty"\``, `TypeMeta \`yaml:",inline"\``. */
function fromKindGo(text: string, types: Types): void {
  const structs = new Map<string, { field: string; goType: string; inline: boolean }[]>();
  for (const m of text.matchAll(/type (\w+) struct \{([\s\S]*?)\n\}/g)) {
    const fields: { field: string; goType: string; inline: boolean }[] = [];
    for (const f of m[2]!.matchAll(/^\s*(\w+)?\s+([*\w[\]]+)\s+`yaml:"([^"]*)"/gm)) {
      const [name, opts] = [f[3]!.split(',')[0]!, f[3]!.split(',').slice(1)];
      fields.push({ field: name, goType: f[2]!, inline: opts.includes('inline') });
    }
    for (const f of m[2]!.matchAll(/^\s*(\w+)\s+`yaml:",inline"/gm)) fields.push({ field: '', goType: f[1]!, inline: true });
    structs.set(m[1]!, fields);
  }
  const refOf = (goType: string): Ref => {
    const t = goType.replace(/^\*/, '');
    if (t.startsWith('[]')) return `[]${refOf(t.slice(2))}`;
    if (t.startsWith('map[')) return `{}${refOf(t.slice(t.indexOf(']') + 1))}`;
    if (structs.has(t)) { add(t); return `v1alpha4.${t}`; }
    return '';
  };
  const add = (name: string) => {
    const key = `v1alpha4.${name}`;
    if (types[key]) return;
    types[key] = {};
    const fill = (n: string) => {
      for (const f of structs.get(n) ?? []) {
        if (f.inline) fill(f.goType);
        else types[key]![f.field] = refOf(f.goType);
      }
    };
    fill(name);
  };
  add('Cluster');
}

const types: Types = {};
const kinds: Record<string, { apiVersion: string; type: string }> = {};
const sources: Record<string, string> = {};
if (values['client-go']) {
  const ref = values['client-go-ref'] ?? 'HEAD';
  fromSmd(show(values['client-go'], ref, 'applyconfigurations/internal/internal.go'), types);
  for (const [k, r] of Object.entries(ROOTS)) kinds[k] = { apiVersion: r.apiVersion, type: short(r.type) };
  sources['kubernetes'] = `k8s.io/client-go ${rev(values['client-go'], ref)} applyconfigurations/internal/internal.go`;
}
for (const file of values.openapi ?? []) {
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { components: { schemas: Record<string, OpenApi & { 'x-kubernetes-group-version-kind'?: { group: string; version: string; kind: string }[] }> } };
  for (const [name, s] of Object.entries(doc.components.schemas)) {
    const gvk = s['x-kubernetes-group-version-kind']?.[0];
    const root = gvk && Object.entries(ROOTS).find(([k, r]) => k === gvk.kind && r.type === name);
    if (root) { kinds[root[0]] = { apiVersion: root[1].apiVersion, type: fromOpenApi(s, short(name), types, doc.components.schemas) }; }
  }
  sources[`openapi ${file}`] = file;
}
if (values['gateway-api']) {
  const ref = values['gateway-api-ref'] ?? 'HEAD';
  for (const [kind, file] of [['GatewayClass', 'gatewayclasses'], ['Gateway', 'gateways'], ['HTTPRoute', 'httproutes']] as const) {
    const crd = parse(show(values['gateway-api'], ref, `config/crd/standard/gateway.networking.k8s.io_${file}.yaml`)) as { spec: { versions: { name: string; schema: { openAPIV3Schema: OpenApi } }[] } };
    const v1 = crd.spec.versions.find((v) => v.name === 'v1')!;
    kinds[kind] = { apiVersion: 'gateway.networking.k8s.io/v1', type: fromOpenApi(v1.schema.openAPIV3Schema, `gateway.v1.${kind}`, types) };
  }
  sources['gateway-api'] = `sigs.k8s.io/gateway-api ${ref} (${rev(values['gateway-api'], ref)}) config/crd/standard`;
}
if (values.kind) {
  const ref = values['kind-ref'] ?? 'HEAD';
  fromKindGo(show(values.kind, ref, 'pkg/apis/config/v1alpha4/types.go'), types);
  kinds['Cluster'] = { apiVersion: 'kind.x-k8s.io/v1alpha4', type: 'v1alpha4.Cluster' };
  sources['kind'] = `sigs.k8s.io/kind ${rev(values.kind, ref)} pkg/apis/config/v1alpha4/types.go`;
}
const sorted = Object.fromEntries(Object.entries(types).sort(([a], [b]) => (a < b ? -1 : 1)));
const out = values.out ?? 'src/engine/model/validation/k8s-fields.json';
writeFileSync(out, `${JSON.stringify({ sources, kinds, types: sorted })}\n`);
process.stdout.write(`${out}: ${Object.keys(kinds).length} kinds, ${Object.keys(types).length} types, ${readFileSync(out).length} bytes\n`);
