// The built-in scenarios a learner can open from the app: the default (the bridge plugin)
// and one per CNI plugin. Each plugin's scenario is its own cluster and CNI documents
// (src/scenarios/cni/*.yaml, with comments saying what to look at) followed by the default
// scenario's workloads, so every plugin runs the same pods and Services and the same send
// can be compared across them.
import defaultYaml from './default.yaml?raw';
import kindnetHead from './cni/kindnet.yaml?raw';
import flannelHead from './cni/flannel.yaml?raw';
import flannelMtuHead from './cni/flannel-mtu.yaml?raw';
import calicoHead from './cni/calico.yaml?raw';
import awsHead from './cni/aws-vpc-cni.yaml?raw';
import ciliumHead from './cni/cilium.yaml?raw';

export interface BuiltinScenario {
  readonly id: string;
  readonly title: string;
  readonly yaml: string;
}

/** The default scenario's documents after its cluster and Podpath documents: the pods, the Deployment, the Services. */
export function workloadsOf(text: string): string {
  const docs = text.split(/^---\n/m);
  return docs.slice(2).join('---\n');
}

export function withWorkloads(head: string, workloads: string): string {
  return `${head.trimEnd()}\n---\n${workloads}`;
}

const workloads = workloadsOf(defaultYaml);
/** More api replicas on the small AWS instances, so some pods land on a node's second ENI. */
const awsWorkloads = workloads.replace('  replicas: 2\n', '  replicas: 6\n');

export const BUILTIN_SCENARIOS: readonly BuiltinScenario[] = [
  { id: 'default', title: 'bridge plugin (default)', yaml: defaultYaml },
  { id: 'kindnet', title: 'kindnet (ptp, kind\'s own)', yaml: withWorkloads(kindnetHead, workloads) },
  { id: 'flannel', title: 'flannel (VXLAN)', yaml: withWorkloads(flannelHead, workloads) },
  { id: 'flannel-mtu', title: 'flannel: an MTU too big for the overlay', yaml: withWorkloads(flannelMtuHead, workloads) },
  { id: 'calico', title: 'Calico (IP-in-IP, BGP)', yaml: withWorkloads(calicoHead, workloads) },
  { id: 'aws-vpc-cni', title: 'Amazon VPC CNI (ENIs in a VPC)', yaml: withWorkloads(awsHead, awsWorkloads) },
  { id: 'cilium', title: 'Cilium (eBPF, kube-proxy replacement)', yaml: withWorkloads(ciliumHead, workloads) },
];
