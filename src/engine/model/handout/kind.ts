// The way back to a real cluster: a scenario as a kind config and the manifests to apply,
// with the commands that make the cluster (`kind create cluster --config ...`, `kubectl apply
// -f ...`), so a learner can check podpath against the real thing. podpath's own settings
// (the Podpath document) and what a cluster makes by itself (Node documents, reported pod
// addresses, owner references) are left out; what kind cannot reproduce is said.
import { Document, isMap, parseAllDocuments, stringify } from 'yaml';
import { parseScenario } from '../parse';

export interface KindHandout {
  readonly config: string;
  readonly manifests: string;
  /** A Markdown handout: the commands, the two files, and what kind will not reproduce. */
  readonly markdown: string;
}

export type KindHandoutResult = { readonly ok: true; readonly handout: KindHandout } | { readonly ok: false; readonly error: string };

const CONFIG_FILE = 'kind-config.yaml';
const MANIFESTS_FILE = 'manifests.yaml';
const PRINT = { lineWidth: 0 } as const;

export function kindHandout(text: string): KindHandoutResult {
  const parsed = parseScenario(text);
  if (!parsed.ok) return { ok: false, error: 'the scenario does not parse; fix it in the Scenario tab first' };
  const s = parsed.scenario;
  const docs = parseAllDocuments(text);
  const all = Array.isArray(docs) ? docs : [];
  const notes: string[] = [];
  const nodeDocs = all.some((d) => isMap(d.contents) && d.get('kind') === 'Node');
  const config = {
    apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster', ...(s.cluster.name !== 'kind' ? { name: s.cluster.name } : {}),
    nodes: s.cluster.nodes.map((n) => ({ role: n.role, ...(nodeDocs || Object.keys(n.labels).length === 0 ? {} : { labels: n.labels }) })),
    networking: {
      podSubnet: s.cluster.podSubnet, serviceSubnet: s.cluster.serviceSubnet, kubeProxyMode: s.cluster.kubeProxyMode,
      ...(s.settings.cni !== 'bridge' && s.settings.cni !== 'kindnet' ? { disableDefaultCNI: true } : {}),
    },
  };
  if (nodeDocs) notes.push(`The scenario's nodes came from a real cluster: kind names its own nodes (${s.cluster.name}-control-plane, ${s.cluster.name}-worker ...) and gives them its own addresses.`);
  if (s.settings.cni === 'bridge') notes.push('podpath\'s bridge CNI stands for kind\'s default, kindnet: the same routes between nodes, with a cni0 bridge where kindnet uses point-to-point veths.');
  else if (s.settings.cni !== 'kindnet') notes.push(`Install ${s.settings.cni} after kind create cluster (the config disables kind's default CNI).`);
  if (s.settings.routes.length > 0) notes.push(`The scenario's ${s.settings.routes.length} route edit(s) are podpath's: make them by hand with \`docker exec <node> ip route ...\`.`);
  if (s.settings.outsideHosts.length > 0) notes.push(`The outside hosts (${s.settings.outsideHosts.map((h) => `${h.name} ${h.ip}`).join(', ')}) are podpath's: run containers on the docker network to stand for them.`);
  if (s.services.some((m) => (m.body.spec as { type?: string } | undefined)?.type === 'LoadBalancer')) notes.push('LoadBalancer Services need a load balancer in kind (cloud-provider-kind or MetalLB); without one they stay <pending>.');

  const keep = all.filter((d) => isMap(d.contents) && !['Cluster', 'Podpath', 'Node'].includes(String(d.get('kind'))));
  const manifests = keep.map((d) => {
    const copy = new Document(d.toJS() as unknown);
    copy.deleteIn(['status']);
    copy.deleteIn(['metadata', 'ownerReferences']);
    return copy.toString(PRINT);
  }).join('---\n');
  const configText = stringify(config, PRINT);
  const name = s.cluster.name;
  const markdown = [
    `# The scenario on a real kind cluster`, '',
    'Save the two files below, then run:', '',
    '```sh',
    `kind create cluster --config ${CONFIG_FILE}${name !== 'kind' ? '' : ''}`,
    `kubectl apply -f ${MANIFESTS_FILE}`,
    'kubectl get pods -o wide -A',
    `kubectl get svc -A`,
    '```', '',
    `Compare a hop with the node's own tables: \`docker exec ${s.cluster.nodes[1]?.name ?? s.cluster.nodes[0]?.name} iptables-save -t nat\`, \`ip route\`, \`conntrack -L\`. kind deletes the cluster with \`kind delete cluster${name !== 'kind' ? ` --name ${name}` : ''}\`.`, '',
    ...(notes.length > 0 ? ['What kind will not reproduce as podpath shows it:', '', ...notes.map((n) => `- ${n}`), ''] : []),
    `## ${CONFIG_FILE}`, '', '```yaml', configText.trimEnd(), '```', '',
    `## ${MANIFESTS_FILE}`, '', '```yaml', manifests.trimEnd(), '```', '',
  ].join('\n');
  return { ok: true, handout: { config: configText, manifests, markdown } };
}
