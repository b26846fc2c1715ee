// One table as its tool prints it, in monospace, line for line. Lines the trace matched are
// highlighted, each a button naming its hop: following it selects that hop. The selected
// hop's lines are marked, and its deciding rule (else its first line) scrolled into view.
// "Matched lines only" folds the rest away.
import { useEffect, useRef } from 'react';
import { foldUnmatched, nextHopOf, type TableLine } from './match';

interface Props {
  readonly label: string;
  readonly lines: readonly TableLine[];
  readonly position: number;
  readonly onlyMatched: boolean;
  /** The selected hop's deciding rule, the line to bring into view when it is here. */
  readonly focus?: string;
  /** Wrap long lines (rules); off for column-aligned output, which scrolls sideways instead. */
  readonly wrap: boolean;
  readonly onSelect: (step: number) => void;
  /** Lines the open lesson step points at. */
  readonly marked?: (line: string) => boolean;
}

const hopWord = (hops: readonly number[]) => `${hops.length > 1 ? 'hops' : 'hop'} ${hops.map((h) => h + 1).join(', ')}`;

export function TableLines({ label, lines, position, onlyMatched, focus, wrap, onSelect, marked }: Props) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    const current = el?.querySelector<HTMLElement>('.is-current.is-deciding') ?? el?.querySelector<HTMLElement>('.is-current') ?? el?.querySelector<HTMLElement>('.is-lesson');
    if (!el || !current) return;
    // Scroll the table only (not the page): the line a little above the middle.
    el.scrollTop = Math.max(0, current.offsetTop - el.clientHeight / 3);
  }, [position, lines, onlyMatched, marked]);

  if (lines.length === 0 || (lines.length === 1 && lines[0]!.text === '')) {
    return <p className="pp-tl-empty">Empty: the tool prints nothing here yet.</p>;
  }
  return (
    // A focusable region, so keyboard users can scroll the table too.
    <div className="pp-tl-scroll" ref={box} role="region" aria-label={label} tabIndex={0}>
      <pre className={`pp-tl${wrap ? '' : ' pp-tl-nowrap'}`}>
        {foldUnmatched(lines, onlyMatched).map((l, i) => {
          if ('skipped' in l) return <span key={i} className="pp-tl-skip">… {l.skipped} more line{l.skipped > 1 ? 's' : ''}</span>;
          const lesson = marked?.(l.text) ? ' is-lesson' : '';
          if (l.hops.length === 0) return <span key={i} className={`pp-tl-line${lesson}`}><span className="pp-tl-gutter" />{l.text || ' '}</span>;
          const current = l.hops.includes(position);
          const deciding = current && focus !== undefined && l.text.trim() === focus;
          return (
            <button
              key={i} type="button" className={`pp-tl-line is-matched${current ? ' is-current' : ''}${deciding ? ' is-deciding' : ''}${lesson}`}
              aria-current={current ? 'true' : undefined}
              onClick={() => { const to = nextHopOf(l, position); if (to !== undefined) onSelect(to); }}
            >
              <span className="pp-tl-gutter">{hopWord(l.hops)}</span>{l.text}
            </button>
          );
        })}
      </pre>
    </div>
  );
}
