// The send bar: the chosen source and destination (picked by clicking the graph), the
// protocol and port, the packet's size and DF (empty: the natural size), and Send. A live region tells screen-reader users what was picked. A
// Service picked first waits here as the destination while the learner picks the source.
import { useShallow } from 'zustand/react/shallow';
import { useAppStore, type Endpoint, type Proto } from '../../store';
import { IconSend, IconSwap } from '../common/icons';
import './send.css';

function EndpointSlot({ label, ep, hint, kind }: { label: string; ep: Endpoint | null; hint: string; kind: 'source' | 'destination' }) {
  return (
    <div className={`pp-slot pp-slot-${kind}${ep ? ' is-set' : ''}`} title={ep ? `${ep.name}${ep.container ? ` · container ${ep.container}` : ''}` : hint}>
      <span className="pp-slot-label">{label}</span>
      <span className="pp-slot-value" data-testid={`send-${kind}`}>
        {ep ? <>{ep.name}{ep.container && <span className="pp-slot-ctr"> · container {ep.container}</span>}</> : <span className="pp-slot-hint">{hint}</span>}
      </span>
    </div>
  );
}

function announce(source: Endpoint | null, destination: Endpoint | null): string {
  if (destination && !source) return `Destination: ${destination.name}. Now choose the source.`;
  if (destination) return `Destination: ${destination.name}`;
  if (source) return `Source: ${source.name}${source.container ? `, container ${source.container}` : ''}`;
  return 'No source or destination chosen';
}

export function SendBar() {
  const s = useAppStore(useShallow((st) => ({
    source: st.source, destination: st.destination, proto: st.proto, port: st.port, sendError: st.sendError,
    send: st.send, swap: st.swap, clear: st.clearSelection, setProto: st.setProto, setPort: st.setPort, openShell: st.openShell,
    size: st.size, df: st.df, setSize: st.setSize, setDf: st.setDf,
  })));
  const hintSrc = s.destination ? 'now click the source: a pod, node or outside host' : 'click a pod, node or outside host';
  const hintDst = s.source ? 'now click the destination' : '—';
  return (
    <form className="pp-sendbar" aria-label="Send a packet" onSubmit={(e) => { e.preventDefault(); s.send(); }}>
      <EndpointSlot label="From" ep={s.source} hint={hintSrc} kind="source" />
      <button type="button" className="pp-btn pp-btn-icon" onClick={s.swap} disabled={(!s.source && !s.destination) || Boolean(s.destination?.receiveOnly)} aria-label="Swap source and destination" title="Swap source and destination">
        <IconSwap />
      </button>
      <EndpointSlot label="To" ep={s.destination} hint={hintDst} kind="destination" />
      <label className="pp-control">
        <span>Protocol</span>
        <select value={s.proto} onChange={(e) => s.setProto(e.target.value as Proto)}>
          <option value="tcp">TCP</option>
          <option value="udp">UDP</option>
          <option value="sctp">SCTP</option>
          <option value="icmp">ICMP (ping)</option>
        </select>
      </label>
      <label className="pp-control">
        <span>Port</span>
        <input
          type="number" min={1} max={65535} inputMode="numeric" className="pp-port"
          value={s.proto === 'icmp' ? '' : s.port ?? ''} disabled={s.proto === 'icmp'} placeholder={s.proto === 'icmp' ? 'n/a' : ''}
          onChange={(e) => s.setPort(e.target.value === '' ? null : Number(e.target.value))}
        />
      </label>
      <label className="pp-control" title="The packet's IP total length, headers included (empty: the natural size: a SYN, a 28-byte datagram, ping's 84 bytes)">
        <span>Size<span className="pp-sr-only"> (bytes)</span></span>
        <input
          type="number" min={28} max={65535} inputMode="numeric" className="pp-size" placeholder="auto"
          value={s.size ?? ''} onChange={(e) => s.setSize(e.target.value === '' ? null : Number(e.target.value))}
        />
      </label>
      <label className="pp-control pp-check" title="Don't fragment: a router whose next link is too small drops the packet and answers ICMP &quot;fragmentation needed&quot; (ping -M do). TCP always sets it.">
        <input type="checkbox" checked={s.df || s.proto === 'tcp'} disabled={s.proto === 'tcp'} onChange={(e) => s.setDf(e.target.checked)} />
        <span>DF</span>
      </label>
      <button type="submit" className="pp-btn pp-btn-primary" disabled={!s.source || !s.destination}>
        <IconSend /> Send
      </button>
      <button type="button" className="pp-btn pp-btn-quiet" onClick={s.clear} disabled={!s.source && !s.destination}>Clear</button>
      <button
        type="button" className="pp-btn pp-btn-quiet" disabled={!s.source || Boolean(s.source.receiveOnly)}
        onClick={() => s.source && s.openShell(s.source.ref, s.source.container)}
        title={s.source ? `Open a shell in ${s.source.name}${s.source.container ? `, container ${s.source.container}` : ''}` : 'Pick a pod, a node or an outside host first'}
      >
        Shell
      </button>
      <p className="pp-sr-only" aria-live="polite" aria-atomic="true">{announce(s.source, s.destination)}</p>
      {s.sendError && <p className="pp-send-error" role="alert">Cannot send: {s.sendError}</p>}
    </form>
  );
}
