// A generated scenario for size checks: a kind cluster with one control plane and
// `workers` workers, each worker running `podsPerNode` single-container pods.
export function bigScenario(workers: number, podsPerNode: number): string {
  const nodes = ['  - role: control-plane', ...Array.from({ length: workers }, () => '  - role: worker')].join('\n');
  const nodeName = (i: number) => (i === 0 ? 'kind-worker' : `kind-worker${i + 1}`);
  const pods: string[] = [];
  for (let n = 0; n < workers; n++) {
    for (let p = 0; p < podsPerNode; p++) {
      pods.push(`apiVersion: v1
kind: Pod
metadata:
  name: app-${n}-${p}
  namespace: default
spec:
  nodeName: ${nodeName(n)}
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80`);
    }
  }
  return [`apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
nodes:
${nodes}
networking:
  podSubnet: 10.244.0.0/16
  serviceSubnet: 10.96.0.0/16`, ...pods].join('\n---\n');
}
