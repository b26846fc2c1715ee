import { it } from 'vitest';
import { clusterFrom } from '../testing/build';
import { run } from '../testing/trace';
import { servicesScenario } from '../testing/services-scenario';
const ITP = `---
apiVersion: v1
kind: Service
metadata: {name: itp}
spec:
  internalTrafficPolicy: Local
  selector: {side: b}
  ports: [{port: 80, targetPort: 8080}]
`;
it('dbg', () => {
  const c = clusterFrom(servicesScenario('iptables', ITP));
  const t = run(c, { from: 'web-b', to: 'svc:default/itp', port: 80 });
  console.log(t.verdict, t.hops.map((h) => `${h.kind} ${h.node} ${h.device}: ${h.text.slice(0, 300)}`).join('\n'));
});
