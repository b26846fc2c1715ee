// The kube-proxy mode switch in the top bar: iptables, IPVS or nftables. Switching rewrites
// the scenario's kubeProxyMode, recompiles, and sends the last send again, so a learner sees
// the same packet cross the other mode's rules (IPVS: an ipvs hop; nftables: nft rules).
import { useState } from 'react';
import type { ProxyMode } from '../../engine';
import { useAppStore } from '../../store';
import './proxy.css';

const MODES: readonly { id: ProxyMode; label: string }[] = [
  { id: 'iptables', label: 'iptables' }, { id: 'ipvs', label: 'IPVS' }, { id: 'nftables', label: 'nftables' },
];

export function ProxyModeSwitch() {
  const mode = useAppStore((s) => s.proxyMode);
  const switchProxyMode = useAppStore((s) => s.switchProxyMode);
  // The mode asked for shows at once; the engine recompiles in the background, and a switch that fails snaps back.
  const [asked, setAsked] = useState<ProxyMode | null>(null);
  const shown = asked ?? mode;
  const choose = (m: ProxyMode) => {
    setAsked(m);
    void switchProxyMode(m).finally(() => setAsked((a) => (a === m ? null : a)));
  };
  return (
    <div className="pp-mode" role="radiogroup" aria-labelledby="pp-mode-label">
      <span id="pp-mode-label" className="pp-mode-label">kube-proxy mode</span>
      {MODES.map((m) => (
        <label key={m.id} className={`pp-mode-opt${shown === m.id ? ' is-on' : ''}`}>
          <input
            type="radio" name="pp-kube-proxy-mode" value={m.id} checked={shown === m.id} disabled={mode === null}
            onChange={() => choose(m.id)}
          />
          {m.label}
        </label>
      ))}
    </div>
  );
}
