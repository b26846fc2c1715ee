// Asked before an empty editor replaces the scenario: a blank text is kind's default
// one-node cluster, and everything the user had would go.
import { useEffect, useRef } from 'react';

export function ConfirmBlank({ onApply, onCancel }: { onApply: () => void; onCancel: () => void }) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => keep.current?.focus(), []);
  return (
    <div className="pp-confirm" role="alertdialog" aria-labelledby="pp-confirm-title" aria-describedby="pp-confirm-text">
      <p id="pp-confirm-title" className="pp-confirm-title">Replace the scenario with an empty one?</p>
      <p id="pp-confirm-text" className="pp-confirm-text">
        The editor holds no documents. Applying it replaces the working scenario with kind&apos;s default cluster of one
        control-plane node, and its pods, Services and settings are gone.
      </p>
      <div className="pp-editor-actions">
        <button type="button" ref={keep} className="pp-btn pp-btn-primary" onClick={onCancel}>Keep the current scenario</button>
        <button type="button" className="pp-btn pp-btn-quiet" onClick={onApply}>Apply the empty scenario</button>
      </div>
    </div>
  );
}
