// The progress indicator: what the engine is doing ("Compiling the cluster"), shown only when
// it takes longer than 200 ms, so quick answers do not flicker. A polite live region, so
// screen-reader users hear it too; the spinner stands still for reduced motion.
import { useEffect, useState } from 'react';
import { useAppStore } from '../store';

export const BUSY_DELAY_MS = 200;

export function BusyIndicator() {
  const busy = useAppStore((s) => s.busy);
  const [shown, setShown] = useState<string | null>(null);
  useEffect(() => {
    if (busy === null) { setShown(null); return; }
    // Already showing: follow the label at once; otherwise wait a little first.
    if (shown !== null) { setShown(busy); return; }
    const id = window.setTimeout(() => setShown(busy), BUSY_DELAY_MS);
    return () => window.clearTimeout(id);
  }, [busy, shown]);
  return (
    <div className="pp-busy" role="status" aria-live="polite">
      {shown !== null && (
        <>
          <span className="pp-spinner" aria-hidden="true" />
          {shown}…
        </>
      )}
    </div>
  );
}
