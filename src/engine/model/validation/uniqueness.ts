// One object per kind, namespace and name: applying a second is `kubectl apply` changing
// the first, but in one scenario it is almost always a copy-paste slip, so podpath refuses
// it as `kubectl create` would: `deployments.apps "web" already exists`.
import type { Located } from '../parse';
import type { CheckContext } from './context';

const RESOURCES: Readonly<Record<string, string>> = {
  Deployment: 'deployments.apps', EndpointSlice: 'endpointslices.discovery.k8s.io', Namespace: 'namespaces',
};

type Named = Located<{ metadata: { name: string; namespace?: string } }>;

function unique(ctx: CheckContext, kind: string, docs: readonly Named[], namespaced: boolean): void {
  const seen = new Map<string, number>();
  for (const d of docs) {
    const ns = namespaced ? d.value.metadata.namespace ?? 'default' : '';
    const key = `${ns}/${d.value.metadata.name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      ctx.out.error({ doc: d.doc, line: d.line([]), fields: d.fields, object: `${kind} ${namespaced ? `${ns}/` : ''}${d.value.metadata.name}` }, 'metadata.name',
        `${RESOURCES[kind] ?? kind} "${d.value.metadata.name}" already exists${namespaced ? ` in namespace "${ns}"` : ''} (document ${first})`);
    } else seen.set(key, d.doc);
  }
}

export function checkUniqueNames(ctx: CheckContext): void {
  unique(ctx, 'Deployment', ctx.parsed.deployments, true);
  unique(ctx, 'EndpointSlice', ctx.parsed.endpointSlices, true);
  unique(ctx, 'Namespace', ctx.parsed.namespaces, false);
}
