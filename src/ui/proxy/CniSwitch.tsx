// The CNI switch in the top bar, beside kube-proxy's mode: the bridge plugin, kindnet, flannel,
// Calico, the Amazon VPC CNI or Cilium. Switching rewrites the Podpath document's spec.cni
// (comments kept), recompiles, and sends the last send again, so the same packet is seen
// crossing another plugin's devices, routes and tunnels.
import { useState } from 'react';
import { CNI_NAMES } from '../../engine/lite';
import type { CniName } from '../../engine';
import { useAppStore } from '../../store';
import './proxy.css';

/** The plugins' names as their projects write them. */
export const CNI_LABELS: Readonly<Record<CniName, string>> = {
  bridge: 'bridge', kindnet: 'kindnet', flannel: 'flannel', calico: 'Calico', 'aws-vpc-cni': 'AWS VPC CNI', cilium: 'Cilium',
};

export function CniSwitch() {
  const cni = useAppStore((s) => s.cni);
  const title = useAppStore((s) => s.summary?.cniTitle);
  const switchCni = useAppStore((s) => s.switchCni);
  // As with the mode switch: the plugin asked for shows at once, and a switch that fails snaps back.
  const [asked, setAsked] = useState<CniName | null>(null);
  const shown = asked ?? cni;
  const choose = (c: CniName) => {
    setAsked(c);
    void switchCni(c).finally(() => setAsked((a) => (a === c ? null : a)));
  };
  return (
    <div className="pp-cni">
      <label className="pp-mode-label" htmlFor="pp-cni-select">CNI plugin</label>
      <select
        id="pp-cni-select" className="pp-select" value={shown ?? ''} disabled={cni === null} title={title}
        onChange={(e) => choose(e.target.value as CniName)}
      >
        {cni === null ? <option value="">…</option> : null}
        {CNI_NAMES.map((c) => <option key={c} value={c}>{CNI_LABELS[c]}</option>)}
      </select>
    </div>
  );
}
