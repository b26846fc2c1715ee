// Test support: a kind cluster with Services of every kind, in a chosen kube-proxy mode.
// client runs on kind-worker; web-a on kind-worker, web-b on kind-worker2; the control
// plane runs no app pods.
import type { ProxyMode } from '../model/types';

const svc = (name: string, spec: string) => `---\napiVersion: v1\nkind: Service\nmetadata: {name: ${name}}\nspec:\n${spec}`;
const podDoc = (name: string, node: string, labels: string) => `---
apiVersion: v1
kind: Pod
metadata: {name: ${name}, labels: {${labels}}}
spec:
  nodeName: ${node}
  containers: [{name: app, image: example/app, ports: [{containerPort: 8080, name: http}, {containerPort: 5353, protocol: UDP, name: dns}]}]
`;

export function servicesScenario(mode: ProxyMode, extra = ''): string {
  return `apiVersion: kind.x-k8s.io/v1alpha4
kind: Cluster
nodes: [{role: control-plane}, {role: worker}, {role: worker}]
networking: {kubeProxyMode: ${mode}}
---
apiVersion: podpath.dev/v1alpha1
kind: Podpath
spec: {seed: 3}
---
apiVersion: v1
kind: Pod
metadata: {name: client}
spec:
  nodeName: kind-worker
  containers: [{name: curl, image: curl}]
${podDoc('web-a', 'kind-worker', 'app: web, side: a')}${podDoc('web-b', 'kind-worker2', 'app: web, side: b')}${svc('web', '  selector: {app: web}\n  ports: [{name: http, port: 80, targetPort: http}]\n')}${svc('only-a', '  selector: {side: a}\n  ports: [{port: 80, targetPort: 8080}]\n')}${svc('only-b', '  selector: {side: b}\n  ports: [{port: 80, targetPort: 8080}]\n')}${svc('empty', '  selector: {app: none}\n  ports: [{port: 80}]\n')}${svc('np', '  type: NodePort\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080, nodePort: 30080}]\n')}${svc('lb', '  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]\n')}${svc('lb-local', '  type: LoadBalancer\n  externalTrafficPolicy: Local\n  selector: {side: b}\n  ports: [{port: 80, targetPort: 8080, nodePort: 30081}]\n')}${svc('sticky', '  selector: {app: web}\n  sessionAffinity: ClientIP\n  ports: [{port: 80, targetPort: 8080}]\n')}${svc('dns', '  selector: {app: web}\n  ports: [{port: 53, protocol: UDP, targetPort: 5353}]\n')}${svc('ext', '  selector: {app: web}\n  externalIPs: [172.18.0.4]\n  ports: [{port: 8081, targetPort: 8080}]\n')}${extra}`;
}
