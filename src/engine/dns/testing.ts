// Test support: a cluster with the DNS cases of the Kubernetes DNS specification: a
// ClusterIP Service with a named and an unnamed port, a headless Service in front of a
// StatefulSet (one replica not ready), a headless Service without ready endpoints, an
// ExternalName Service, and a second namespace.
import { clusterFrom, KIND_3 } from '../testing/build';

export const DNS_SCENARIO = `${KIND_3}---
apiVersion: v1
kind: Namespace
metadata: {name: shop}
---
apiVersion: apps/v1
kind: Deployment
metadata: {name: api, namespace: shop}
spec:
  replicas: 2
  selector: {matchLabels: {app: api}}
  template:
    metadata: {labels: {app: api}}
    spec:
      containers: [{name: api, image: traefik/whoami, ports: [{containerPort: 80, name: http}]}]
---
apiVersion: v1
kind: Service
metadata: {name: api, namespace: shop}
spec:
  selector: {app: api}
  ports: [{name: http, port: 80, targetPort: http}, {name: metrics, port: 9090, protocol: UDP}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db, namespace: shop}
spec:
  replicas: 3
  serviceName: db
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: pg, image: postgres:16, ports: [{containerPort: 5432, name: pg}]}]
---
apiVersion: v1
kind: Pod
metadata: {name: db-spare, namespace: shop, labels: {app: db}, annotations: {podpath.dev/ready: "false"}}
spec:
  containers: [{name: pg, image: postgres:16, ports: [{containerPort: 5432, name: pg}]}]
---
apiVersion: v1
kind: Service
metadata: {name: db, namespace: shop}
spec:
  clusterIP: None
  selector: {app: db}
  ports: [{name: pg, port: 5432, targetPort: pg}]
---
apiVersion: v1
kind: Service
metadata: {name: empty, namespace: shop}
spec:
  clusterIP: None
  selector: {app: nothing}
  ports: [{port: 80}]
---
apiVersion: v1
kind: Service
metadata: {name: foo, namespace: default}
spec:
  type: ExternalName
  externalName: www.example.com
---
apiVersion: v1
kind: Pod
metadata: {name: web, namespace: default}
spec:
  nodeName: kind-worker
  containers: [{name: shell, image: busybox}]
`;

export const dnsCluster = () => clusterFrom(DNS_SCENARIO);
