// A generated cluster the size of a real one, for size checks and benchmarks: a kind cluster
// of `nodes` nodes (one control plane), and `pods` replicas in Deployments spread over
// `namespaces` namespaces (three apps each, every app behind a ClusterIP Service). The
// scheduler spreads the replicas over the workers. Small YAML: the size is in the replicas.
export interface BigCluster {
  readonly nodes: number;
  readonly pods: number;
  readonly namespaces?: number;
}

const APPS = ['web', 'api', 'worker'] as const;

export function bigCluster({ nodes, pods, namespaces = 4 }: BigCluster): string {
  const list = ['{role: control-plane}', ...Array.from({ length: nodes - 1 }, () => '{role: worker}')].join(', ');
  const docs = [
    `apiVersion: kind.x-k8s.io/v1alpha4\nkind: Cluster\nnodes: [${list}]\nnetworking: {podSubnet: ${nodes > 250 ? '10.0.0.0/8' : '10.244.0.0/16'}, serviceSubnet: ${nodes > 250 ? '172.20.0.0/16' : '10.96.0.0/16'}}`,
  ];
  const deployments = namespaces * APPS.length;
  for (let n = 0; n < namespaces; n++) {
    const ns = `team-${String.fromCharCode(97 + n)}`;
    docs.push(`apiVersion: v1\nkind: Namespace\nmetadata: {name: ${ns}}`);
    APPS.forEach((app, a) => {
      const i = n * APPS.length + a;
      const replicas = Math.floor(pods / deployments) + (i < pods % deployments ? 1 : 0);
      docs.push(`apiVersion: apps/v1
kind: Deployment
metadata: {name: ${app}, namespace: ${ns}}
spec:
  replicas: ${replicas}
  selector: {matchLabels: {app: ${app}}}
  template:
    metadata: {labels: {app: ${app}}}
    spec:
      containers: [{name: ${app}, image: example/${app}:1, ports: [{containerPort: 8080}]}]`);
      docs.push(`apiVersion: v1\nkind: Service\nmetadata: {name: ${app}, namespace: ${ns}}\nspec:\n  selector: {app: ${app}}\n  ports: [{port: 80, targetPort: 8080}]`);
    });
  }
  return `${docs.join('\n---\n')}\n`;
}
