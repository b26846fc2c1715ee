// Edits of Services and NetworkPolicies: type, selector, ports, traffic policies, and the
// link a learner draws from a Service to a pod. Fields the API server allows only on some
// types go when the type changes (a ClusterIP Service has no node ports and no
// externalTrafficPolicy), and the edit says so.
import type { Document } from 'yaml';
import { isMap, isSeq } from 'yaml';
import { done, readLabels, refuse, writeLabels, type ScenarioDocs } from './docs';
import { podHome } from './owner';
import { labelText, setPodLabels } from './pods';
import { servicePort } from './templates';
import { refText, type EditResult, type Labels, type ObjectRef, type ServicePortInit, type ServiceType, type TrafficPolicyField } from './types';

function serviceDoc(docs: ScenarioDocs, target: ObjectRef): Document | string {
  if (target.kind !== 'Service') return `${refText(target)} is not a Service`;
  const doc = docs.find(target);
  if (doc) return doc;
  const key = `${target.namespace ?? 'default'}/${target.name}`;
  return key === 'default/kubernetes' || key === 'kube-system/kube-dns'
    ? `${key} is the cluster's own Service: its spec is the API server's and kubeadm's, not the scenario's`
    : `there is no ${refText(target)}`;
}

export function setServiceType(docs: ScenarioDocs, target: ObjectRef, type: ServiceType): EditResult {
  const doc = serviceDoc(docs, target);
  if (typeof doc === 'string') return refuse(doc);
  docs.touch(doc);
  const notes: string[] = [];
  if (type === 'ClusterIP') doc.deleteIn(['spec', 'type']);
  else doc.setIn(['spec', 'type'], type);
  const external = type !== 'ClusterIP' || isSeq(doc.getIn(['spec', 'externalIPs'], true));
  const drop = (field: string, why: string) => {
    if (!doc.hasIn(['spec', field])) return;
    doc.deleteIn(['spec', field]);
    notes.push(`removed spec.${field}: ${why}`);
  };
  if (type !== 'LoadBalancer') {
    drop('loadBalancerSourceRanges', 'only LoadBalancer Services have it');
    drop('healthCheckNodePort', 'only LoadBalancer Services have it');
  }
  if (!external) drop('externalTrafficPolicy', 'only externally reachable Services have it');
  if (type === 'ClusterIP') {
    const ports = doc.getIn(['spec', 'ports'], true);
    for (const p of isSeq(ports) ? ports.items : []) {
      if (isMap(p) && p.has('nodePort')) { p.delete('nodePort'); notes.push('removed the node ports: a ClusterIP Service has none'); }
    }
  }
  return done(docs, [...new Set(notes)]);
}

export function setSelector(docs: ScenarioDocs, target: ObjectRef, selector: Labels | null): EditResult {
  if (target.kind === 'NetworkPolicy') {
    const doc = docs.find(target);
    if (!doc) return refuse(`there is no ${refText(target)}`);
    docs.touch(doc).setIn(['spec', 'podSelector'], doc.createNode(selector && Object.keys(selector).length > 0 ? { matchLabels: { ...selector } } : {}));
    return done(docs);
  }
  const doc = serviceDoc(docs, target);
  if (typeof doc === 'string') return refuse(doc);
  writeLabels(docs.touch(doc), ['spec', 'selector'], selector ?? {});
  return done(docs, selector && Object.keys(selector).length > 0 ? [] : [`${refText(target)} has no selector now: its endpoints come from EndpointSlices written by hand`]);
}

export function setServicePorts(docs: ScenarioDocs, target: ObjectRef, ports: readonly ServicePortInit[]): EditResult {
  const doc = serviceDoc(docs, target);
  if (typeof doc === 'string') return refuse(doc);
  docs.touch(doc);
  doc.setIn(['spec', 'ports'], doc.createNode(ports.map(servicePort)));
  return done(docs);
}

export function setTrafficPolicy(docs: ScenarioDocs, target: ObjectRef, field: TrafficPolicyField, policy: 'Cluster' | 'Local' | null): EditResult {
  const doc = serviceDoc(docs, target);
  if (typeof doc === 'string') return refuse(doc);
  docs.touch(doc);
  if (policy === null) doc.deleteIn(['spec', field]);
  else doc.setIn(['spec', field], policy);
  return done(docs);
}

/** Labels controllers add to their pods, which say nothing about what a pod is. */
const GENERATED = new Set(['pod-template-hash', 'controller-revision-hash', 'pod-template-generation', 'statefulset.kubernetes.io/pod-name', 'apps.kubernetes.io/pod-index']);
/** The labels a selector usually uses, best first. */
const PREFERRED = ['app', 'app.kubernetes.io/name', 'k8s-app', 'name'];

/**
 * A link drawn from a Service to a pod: the Service selects the pod afterwards.
 * - A Service without a selector gets one of the pod's labels (app, app.kubernetes.io/name, k8s-app ... first).
 * - A pod without labels gets `app: <its name or its workload's>`, and the Service selects that.
 * - A Service whose selector misses the pod keeps its selector (and its other endpoints): the pod (or its
 *   workload's template) gets the selector's labels.
 */
export function connect(docs: ScenarioDocs, text: string, service: ObjectRef, pod: ObjectRef): EditResult {
  const svc = serviceDoc(docs, service);
  if (typeof svc === 'string') return refuse(svc);
  if ((service.namespace ?? 'default') !== (pod.namespace ?? 'default')) {
    return refuse(`a Service selects pods of its own namespace only: ${refText(service)} cannot select ${refText(pod)}`);
  }
  const home = podHome(docs, text, pod);
  if (typeof home === 'string') return refuse(home);
  const selector = readLabels(svc, ['spec', 'selector']);
  const labels = Object.fromEntries(Object.entries(readLabels(home.doc, [...home.meta, 'labels'])).filter(([k]) => !GENERATED.has(k)));
  const who = home.template ? `${refText(home.ref)}'s pods` : refText(pod);
  if (Object.keys(selector).length > 0) {
    const missing = Object.fromEntries(Object.entries(selector).filter(([k, v]) => labels[k] !== v));
    if (Object.keys(missing).length === 0) return done(docs, [`${refText(service)} already selects ${who}`]);
    const out = setPodLabels(docs, text, pod, { ...labels, ...missing });
    return out.ok ? { ...out, notes: [`added label ${labelText(missing)} to ${who}, so ${refText(service)} selects them`] } : out;
  }
  const key = PREFERRED.find((k) => labels[k] !== undefined) ?? Object.keys(labels)[0];
  if (key !== undefined) {
    writeLabels(docs.touch(svc), ['spec', 'selector'], { [key]: labels[key]! });
    return done(docs, [`added selector ${key}=${labels[key]} to ${refText(service)}, which ${who} carry`]);
  }
  const value = home.ref.name;
  const added = setPodLabels(docs, text, pod, { app: value });
  if (!added.ok) return added;
  writeLabels(docs.touch(svc), ['spec', 'selector'], { app: value });
  return done(docs, [`added label app=${value} to ${who} and selector app=${value} to ${refText(service)}`]);
}
