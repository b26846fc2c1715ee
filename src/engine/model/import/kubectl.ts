// A learner's own cluster as a scenario, in two pastes: `kubectl get pods,svc,deploy,ds,sts,
// ingress,netpol,endpointslices -A -o yaml` and `kubectl get nodes -o yaml`. podpath keeps
// what it models (see clean.ts), takes the addresses the cluster reported (pod IPs, node
// addresses and pod ranges, ClusterIPs) instead of allocating, and reports what it left out:
// what kind runs itself and podpath models (the static control-plane pods, kube-proxy, the
// CNI's DaemonSet, CoreDNS, the two built-in Services), what it derives (ReplicaSets,
// EndpointSlices of Services with a selector), and what is not about the network.
import { stringify } from 'yaml';
import { SYSTEM_NAMESPACES } from '../defaults';
import { arr, cleanAsGiven, cleanNode, cleanPod, cleanService, cleanWorkload, obj, str } from './clean';
import { kindNames, podRangeOf, podSubnetOf, serviceSubnetOf } from './infer';
import { readObjects } from './read';
import type { Ignored, ImportResult, Obj } from './types';

const nameOf = (o: Obj) => {
  const m = obj(o.metadata);
  return `${o.kind} ${str(m.namespace) ? `${m.namespace}/` : ''}${String(m.name)}`;
};
const ns = (o: Obj) => str(obj(o.metadata).namespace) ?? 'default';
const labelsOf = (o: Obj) => obj(obj(o.metadata).labels);
const owner = (o: Obj) => arr(obj(o.metadata).ownerReferences).find((r) => r.controller === true);

/** kind's own parts of kube-system, which podpath models itself. */
function kindsOwn(o: Obj): string | null {
  if (ns(o) !== 'kube-system') return null;
  const own = owner(o);
  if (o.kind === 'Pod' && own?.kind === 'Node') return 'a static control-plane pod: podpath stands for kube-apiserver, etcd, the controller manager and the scheduler by their listening sockets on the control plane';
  const app = labelsOf(o)['k8s-app'] ?? labelsOf(o).app;
  if (app === 'kube-proxy' || (o.kind === 'DaemonSet' && str(obj(o.metadata).name) === 'kube-proxy')) return 'kube-proxy: podpath writes its rules itself, in the scenario\'s kubeProxyMode';
  if (app === 'kindnet' || app === 'flannel' || app === 'calico-node' || app === 'cilium') return 'the CNI\'s agent: podpath is the CNI (spec.cni of the Podpath document)';
  if (app === 'kube-dns') return 'CoreDNS: podpath runs kind\'s two CoreDNS replicas on the control plane itself (spec.systemPods)';
  return null;
}

const BOOKKEEPING = ['managedFields', 'uid', 'resourceVersion', 'creationTimestamp', 'generation', 'generateName', 'selfLink', 'annotations'];

export function importKubectl(texts: readonly string[]): ImportResult {
  const objects: Obj[] = [];
  for (const [i, t] of texts.entries()) {
    if (t.trim() === '') continue;
    const read = readObjects(t, texts.length > 1 ? `paste ${i + 1}` : 'the paste');
    if (typeof read === 'string') return { ok: false, error: read };
    objects.push(...read);
  }
  if (objects.length === 0) return { ok: false, error: 'nothing was pasted: paste the output of kubectl get ... -o yaml' };
  const ignored: Ignored[] = [];
  const kept: string[] = [];
  const inferred: string[] = [];
  const out: Record<'nodes' | 'namespaces' | 'workloads' | 'pods' | 'services' | 'network' | 'slices', Obj[]> = { nodes: [], namespaces: [], workloads: [], pods: [], services: [], network: [], slices: [] };
  const skip = (o: Obj, why: string) => ignored.push({ what: nameOf(o), why });
  const withSelector = new Set(objects.filter((o) => o.kind === 'Service' && Object.keys(obj(obj(o.spec).selector)).length > 0).map((o) => `${ns(o)}/${String(obj(o.metadata).name)}`));
  const seen = new Set<string>();
  let bookkept = 0;

  for (const o of objects) {
    const id = `${nameOf(o)}`;
    if (seen.has(id)) continue; // the same object in both pastes
    seen.add(id);
    const m = obj(o.metadata);
    if (BOOKKEEPING.some((k) => k in m) || 'status' in o) bookkept++;
    const own = kindsOwn(o);
    if (own) { skip(o, own); continue; }
    switch (o.kind) {
      case 'Node': out.nodes.push(cleanNode(o)); break;
      case 'Pod': out.pods.push(cleanPod(o)); break;
      case 'Deployment': case 'DaemonSet': case 'StatefulSet': out.workloads.push(cleanWorkload(o)); break;
      case 'Service': {
        const key = `${ns(o)}/${String(m.name)}`;
        if (key === 'default/kubernetes' || key === 'kube-system/kube-dns') { skip(o, 'a Service the cluster makes itself: podpath makes it too (.1 and .10 of the service subnet)'); break; }
        out.services.push(cleanService(o));
        break;
      }
      case 'Namespace':
        if ((SYSTEM_NAMESPACES as readonly string[]).includes(String(m.name))) skip(o, 'every kind cluster has it');
        else out.namespaces.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: m.name, ...(Object.keys(labelsOf(o)).length ? { labels: labelsOf(o) } : {}) } });
        break;
      case 'Ingress': case 'NetworkPolicy': out.network.push(cleanAsGiven(o)); break;
      case 'EndpointSlice': {
        const svc = str(labelsOf(o)['kubernetes.io/service-name']);
        if (svc && withSelector.has(`${ns(o)}/${svc}`)) skip(o, 'the EndpointSlice controller\'s: podpath computes the endpoints from the Service\'s selector');
        else if (svc === 'kubernetes' && ns(o) === 'default') skip(o, 'the API server\'s own: podpath points default/kubernetes at the control plane');
        else out.slices.push(cleanAsGiven(o));
        break;
      }
      case 'ReplicaSet': skip(o, 'podpath derives ReplicaSets from their Deployments, which adopt the pods they own'); break;
      case 'Endpoints': skip(o, 'the older form of EndpointSlices: podpath computes endpoints itself'); break;
      default: skip(o, 'not about the network podpath models');
    }
  }
  if (bookkept > 0) ignored.unshift({ what: `server fields of ${bookkept} object${bookkept === 1 ? '' : 's'} (managedFields, uid, resourceVersion, creationTimestamp, annotations, status but pod IPs, readiness and load balancer addresses)`, why: 'the API server\'s bookkeeping, not what the network does' });
  if (out.pods.length + out.workloads.length + out.services.length + out.nodes.length === 0) {
    return { ok: false, error: `nothing podpath models was pasted (${ignored.length} objects left out): paste kubectl get pods,svc,deploy,ds,sts,ingress,netpol,endpointslices -A -o yaml` };
  }

  // Nodes: pasted, else worked out from the pods (their spec.nodeName and status.hostIP).
  const rawPods = objects.filter((o) => o.kind === 'Pod');
  const nodeNames = [...new Set(rawPods.map((p) => str(obj(p.spec).nodeName)).filter((n): n is string => n !== undefined))];
  const kind = out.nodes.length === 0 ? kindNames(nodeNames) : null;
  if (out.nodes.length === 0 && nodeNames.length > 0) {
    for (const name of nodeNames) {
      const onIt = rawPods.filter((p) => obj(p.spec).nodeName === name);
      const hostIP = onIt.map((p) => str(obj(p.status).hostIP)).find(Boolean);
      const podIP = onIt.filter((p) => obj(p.spec).hostNetwork !== true).map((p) => str(obj(p.status).podIP)).find(Boolean);
      const controlPlane = name.endsWith('-control-plane') || onIt.some((p) => owner(p)?.kind === 'Node' && labelsOf(p).tier === 'control-plane');
      out.nodes.push({
        apiVersion: 'v1', kind: 'Node', metadata: { name, ...(controlPlane ? { labels: { 'node-role.kubernetes.io/control-plane': '' } } : {}) },
        spec: { ...(podIP ? { podCIDR: podRangeOf(podIP) } : {}), ...(controlPlane && nodeNames.length > 1 ? { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] } : {}) },
        status: { addresses: hostIP ? [{ type: 'InternalIP', address: hostIP }] : [] },
      });
    }
    inferred.push(`${kind ? `the nodes of kind cluster "${kind.cluster}"` : 'nodes'} ${nodeNames.join(', ')} from the pods (spec.nodeName, status.hostIP, pod ranges from the pods' addresses); paste kubectl get nodes -o yaml for their labels and real ranges`);
  }
  if (out.nodes.length > 0 && !out.nodes.some((n) => 'node-role.kubernetes.io/control-plane' in obj(obj(n.metadata).labels) || 'node-role.kubernetes.io/master' in obj(obj(n.metadata).labels))) {
    // The cluster has a control plane somewhere; what was pasted does not show it.
    const cp = kind ? `${kind.cluster}-control-plane` : 'control-plane';
    out.nodes.unshift({ apiVersion: 'v1', kind: 'Node', metadata: { name: cp, labels: { 'node-role.kubernetes.io/control-plane': '' } }, spec: { taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] }, status: { addresses: [] } });
    inferred.push(`a control-plane node "${cp}", which the cluster has and the paste does not show (its address and pod range are allocated)`);
  }

  const clusterIPs = out.services.map((s) => str(obj(s.spec).clusterIP)).filter((ip): ip is string => ip !== undefined && ip !== 'None');
  const kubernetesIP = str(obj(objects.find((o) => o.kind === 'Service' && ns(o) === 'default' && obj(o.metadata).name === 'kubernetes')?.spec).clusterIP);
  const svcNet = serviceSubnetOf(kubernetesIP ? [kubernetesIP, ...clusterIPs] : clusterIPs, kubernetesIP);
  const podAddresses = [
    ...out.pods.map((p) => str(obj(p.status).podIP)).filter((x): x is string => x !== undefined),
    ...out.nodes.map((n) => str(obj(n.spec).podCIDR)?.split('/')[0]).filter((x): x is string => x !== undefined),
  ];
  const podNet = podSubnetOf(podAddresses);
  inferred.push(podNet.why, svcNet.why);

  // Namespaces the objects live in, which `kubectl get pods,svc,...` does not print.
  const declared = new Set(out.namespaces.map((n) => String(obj(n.metadata).name)));
  for (const n of [...new Set([...out.pods, ...out.workloads, ...out.services, ...out.network].map(ns))].sort()) {
    if ((SYSTEM_NAMESPACES as readonly string[]).includes(n) || declared.has(n)) continue;
    out.namespaces.push({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: n } });
    inferred.push(`namespace ${n}, which its objects live in`);
  }

  for (const p of out.pods) kept.push(`${nameOf(p)}${obj(p.spec).nodeName ? ` on ${String(obj(p.spec).nodeName)}` : ''}${obj(p.status).podIP ? `, ${String(obj(p.status).podIP)}` : ''}`);
  for (const o of [...out.nodes, ...out.namespaces, ...out.workloads, ...out.services, ...out.network, ...out.slices]) kept.push(nameOf(o));

  const cluster: Obj = {
    apiVersion: 'kind.x-k8s.io/v1alpha4', kind: 'Cluster', ...(kind && kind.cluster !== 'kind' ? { name: kind.cluster } : {}),
    networking: { podSubnet: podNet.cidr, serviceSubnet: svcNet.cidr },
  };
  const docs = [cluster, ...out.nodes, ...out.namespaces, ...out.workloads, ...out.pods, ...out.services, ...out.network, ...out.slices];
  const head = `# Imported from kubectl output: ${kept.length} objects kept, ${ignored.length} left out (see the import report).\n`;
  const text = head + docs.map((d) => stringify(d, { lineWidth: 0 })).join('---\n');
  return { ok: true, text, report: { kept, ignored, inferred } };
}
