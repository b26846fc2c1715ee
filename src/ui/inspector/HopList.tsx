// The hop list ("Hops"): the request's hops, then the reply's, each leg labelled. The
// selected hop follows playback and scrolls into view; arrow keys move between hops.
import { Fragment, useEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store';
import { HopItem } from './HopItem';

export function HopList() {
  const { steps, position, selectStep, trace } = useAppStore(useShallow((s) => ({
    steps: s.steps, position: s.position, selectStep: s.selectStep, trace: s.trace,
  })));
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  useEffect(() => {
    refs.current[position]?.closest('li')?.scrollIntoView({ block: 'nearest' });
  }, [position]);

  const onKeyDown = (e: KeyboardEvent) => {
    const delta = e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
    const to = e.key === 'Home' ? 0 : e.key === 'End' ? steps.length - 1 : position + delta;
    if ((delta === 0 && e.key !== 'Home' && e.key !== 'End') || to < 0 || to >= steps.length) return;
    e.preventDefault();
    selectStep(to);
    refs.current[to]?.focus();
  };

  if (!trace) return null;
  return (
    <ol className="pp-hoplist" aria-label="Hops" onKeyDown={onKeyDown}>
      {steps.map((step, i) => (
        <Fragment key={i}>
          {step.index === 0 && (
            <li className="pp-leg" role="presentation">
              <span className="pp-leg-name">{step.leg === 'request' ? 'Request' : 'Reply'}</span>
              <span className="pp-leg-route">
                {step.leg === 'request' ? `${trace.send.from} → ${trace.send.to}` : `${trace.send.to} → ${trace.send.from}`}
              </span>
            </li>
          )}
          <HopItem ref={(el) => { refs.current[i] = el; }} step={step} number={i + 1} selected={i === position} onSelect={() => selectStep(i)} />
        </Fragment>
      ))}
    </ol>
  );
}
