// How to read the graph: what each shape is and what each colour means.
const SHAPES: readonly [cls: string, name: string, what: string][] = [
  ['pp-lg-node', 'node', 'a machine of the cluster (a kind container), with its root network namespace'],
  ['pp-lg-pod', 'pod', 'one network namespace shared by its containers'],
  ['pp-lg-ctr', 'container', 'a process with a socket; click one to send from it'],
  ['pp-lg-dev', 'interface', 'eth0, lo, a veth end: where frames go in and out'],
  ['pp-lg-bar', 'bridge or network', 'cni0 joins a node\'s pods; the node network joins the nodes'],
  ['pp-lg-svc', 'Service', 'a virtual address: kube-proxy\'s rules on every node send it to one endpoint'],
  ['pp-lg-tunnel', 'tunnel', 'an overlay\'s tunnel device (flannel.1, tunl0) and the tunnels between nodes: packets inside UDP or IP between node addresses'],
  ['pp-lg-endpoint', 'endpoint', 'a pod (or node) behind a Service; solid once a trace chose it'],
  ['pp-lg-lb', 'load balancer', 'the cloud\'s, beside the gateway: it forwards to a node port'],
];

const MARKS: readonly [cls: string, name: string][] = [
  ['pp-lg-source', 'source'], ['pp-lg-dest', 'destination'], ['pp-lg-path', 'where the trace went'], ['pp-lg-packet', 'the packet, at the selected hop'],
];

export function Legend() {
  return (
    <section className="pp-legend" aria-labelledby="pp-legend-title">
      <h2 id="pp-legend-title" className="pp-panel-title">Reading the graph</h2>
      <ul className="pp-legend-list">
        {SHAPES.map(([cls, name, what]) => (
          <li key={name}><span className={`pp-swatch ${cls}`} aria-hidden="true" /><span><strong>{name}</strong> <span className="pp-muted">— {what}</span></span></li>
        ))}
      </ul>
      <ul className="pp-legend-list pp-legend-marks">
        {MARKS.map(([cls, name]) => <li key={name}><span className={`pp-swatch ${cls}`} aria-hidden="true" /><span>{name}</span></li>)}
      </ul>
    </section>
  );
}
