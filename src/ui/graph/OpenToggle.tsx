// The button that opens a closed node or pod (its inside drawn) or closes an open one. It sits
// beside the element's own button (never inside it), named "Open node kind-worker3" or
// "Close pod default/web", so keyboard and screen-reader users switch the level of detail too.
import { useAppStore } from '../../store';

export function OpenToggle({ id, name, open, className = '' }: { id: string; name: string; open: boolean; className?: string }) {
  const setOpen = useAppStore((s) => s.setOpen);
  const label = `${open ? 'Close' : 'Open'} ${name}`;
  return (
    <button
      type="button" className={`pp-toggle nopan ${open ? 'is-open' : ''} ${className}`} aria-label={label} title={label} aria-expanded={open}
      onClick={(e) => { e.stopPropagation(); void setOpen(id, !open); }}
    >
      <svg viewBox="0 0 16 16" width="14" height="14" aria-hidden="true">
        {open ? <path d="M3 8h10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
          : <path d="M3 8h10M8 3v10" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />}
      </svg>
    </button>
  );
}
