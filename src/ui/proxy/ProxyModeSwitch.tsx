// The kube-proxy mode switch in the top bar: iptables, IPVS or nftables. Switching rewrites
// the scenario's kubeProxyMode, recompiles, and sends the last send again, so a learner sees
// the same packet cross the other mode's rules (IPVS: an ipvs hop; nftables: nft rules).
import type { ProxyMode } from '../../engine';
import { useAppStore } from '../../store';
import './proxy.css';

const MODES: readonly { id: ProxyMode; label: string }[] = [
  { id: 'iptables', label: 'iptables' }, { id: 'ipvs', label: 'IPVS' }, { id: 'nftables', label: 'nftables' },
];

export function ProxyModeSwitch() {
  const mode = useAppStore((s) => s.proxyMode);
  const switchProxyMode = useAppStore((s) => s.switchProxyMode);
  return (
    <div className="pp-mode" role="radiogroup" aria-labelledby="pp-mode-label">
      <span id="pp-mode-label" className="pp-mode-label">kube-proxy mode</span>
      {MODES.map((m) => (
        <label key={m.id} className={`pp-mode-opt${mode === m.id ? ' is-on' : ''}`}>
          <input
            type="radio" name="pp-kube-proxy-mode" value={m.id} checked={mode === m.id} disabled={mode === null}
            onChange={() => switchProxyMode(m.id)}
          />
          {m.label}
        </label>
      ))}
    </div>
  );
}
