// Copy link: the page's link (scenario, seed, send, selected hop, open panel) to the
// clipboard. Where the clipboard is refused, the link is shown selected in a field to copy by
// hand. What happened is said in a live region.
import { useState } from 'react';
import { useAppStore } from '../../store';
import { IconLink } from './icons';

export function CopyLink({ makeLink }: { makeLink: () => Promise<string> }) {
  const idle = useAppStore((s) => s.idle);
  const [said, setSaid] = useState('');
  const [manual, setManual] = useState<string | null>(null);
  const copy = async () => {
    await idle();
    const link = await makeLink();
    try {
      await navigator.clipboard.writeText(link);
      setManual(null);
      setSaid(`Link copied (${link.length.toLocaleString('en')} characters)`);
    } catch {
      setManual(link);
      setSaid('The clipboard is not available: copy the link from the field');
    }
  };
  return (
    <div className="pp-session-group">
      <button type="button" className="pp-btn pp-btn-dark" onClick={() => void copy()}><IconLink /><span className="pp-btn-text">Copy link</span></button>
      {manual !== null && (
        <label className="pp-manual-link">
          <span className="pp-sr-only">Link to this moment</span>
          <input readOnly value={manual} onFocus={(e) => e.currentTarget.select()} autoFocus />
        </label>
      )}
      <span className="pp-session-said" role="status" aria-live="polite">{said}</span>
    </div>
  );
}
