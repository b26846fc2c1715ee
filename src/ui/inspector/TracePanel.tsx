// The trace side of the inspector: the verdict, the playback controls, the hop list and the
// packet's headers at the selected hop; before the first send, how to make one.
import { useAppStore } from '../../store';
import { CompareBar } from '../compare/CompareBar';
import { Legend } from '../graph/Legend';
import { PlaybackBar } from '../playback/PlaybackBar';
import { HeaderPanel } from './HeaderPanel';
import { whereOf } from './HopItem';
import { HopList } from './HopList';
import { VerdictBanner } from './VerdictBanner';
import './inspector.css';

function FirstSteps() {
  const showLessons = useAppStore((s) => s.showLessons);
  return (
    <div className="pp-first-steps">
      <h2 className="pp-panel-title">Watch a packet walk the cluster</h2>
      <p>
        New here? <button type="button" className="pp-btn pp-btn-small" onClick={() => void showLessons()}>Start a lesson</button>{' '}
        and the lessons walk you through each topic, checking as you go.
      </p>
      <ol>
        <li>Click a pod in the graph: it becomes the <strong>source</strong>. Click one of its containers to send from that container.</li>
        <li>Click another pod, a node, a <strong>Service</strong> (the dashed boxes) or an outside host: the <strong>destination</strong>. The port defaults to its first port.</li>
        <li>Press <strong>Send</strong>. Every routing decision, ARP lookup, NAT and netfilter rule appears here, where it happened.</li>
      </ol>
      <p className="pp-muted">
        Try <em>pod default/web</em> to <em>service default/api</em>, then switch <em>kube-proxy mode</em> in the top bar. Or
        send from <em>host client</em> to the <em>load balancer</em>.
      </p>
      <Legend />
    </div>
  );
}

export function TracePanel() {
  const hasTrace = useAppStore((s) => s.trace !== null);
  const step = useAppStore((s) => s.steps[s.position]);
  const position = useAppStore((s) => s.position);
  const topo = useAppStore((s) => s.topo);
  const where = step ? topo.elements.find((e) => e.id === step.hop.at)?.name ?? whereOf(step.hop) : '';
  if (!hasTrace) return <FirstSteps />;
  return (
    <div className="pp-trace">
      <VerdictBanner />
      <CompareBar />
      <PlaybackBar />
      <div className="pp-hops-scroll">
        <HopList />
      </div>
      {step && <HeaderPanel step={step} number={position + 1} where={where} />}
    </div>
  );
}
