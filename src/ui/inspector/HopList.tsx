// The hop list ("Hops"): every exchange of the conversation with its legs, in the order the
// packets went, each hop under its leg. An exchange's heading says what it was for and how
// it ended; a leg's heading names the packet and which way it goes. The selected hop follows
// playback and scrolls into view; arrow keys move between hops.
import { Fragment, useEffect, useRef, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { Exchange } from '../../engine';
import { useAppStore, type Step } from '../../store';
import { HopItem } from './HopItem';

function ExchangeHeading({ e }: { e: Exchange }) {
  return (
    <li className={`pp-exchange${e.parent !== undefined ? ' pp-exchange-nested' : ''}`} role="presentation">
      <span className="pp-exchange-num">Exchange {e.id + 1}</span>
      <span className="pp-exchange-title">{e.title}</span>
      <span className={`pp-exchange-verdict is-${e.verdict}`}>{e.verdict}{e.reason ? `: ${e.reason}` : ''}{e.result ? ` · ${e.result}` : ''}</span>
    </li>
  );
}

function LegHeading({ e, step }: { e: Exchange; step: Step }) {
  const route = step.dir === 'out' ? `${e.from} → ${e.to}` : `${e.to} → ${e.from}`;
  return (
    <li className="pp-leg" role="presentation">
      <span className="pp-leg-name">{step.leg}</span>
      <span className="pp-leg-route">{route}{step.opening ? '' : ` (exchange ${e.id + 1})`}</span>
    </li>
  );
}

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
      {steps.map((step, i) => {
        const e = trace.exchanges[step.exchange]!;
        return (
          <Fragment key={i}>
            {step.index === 0 && step.opening && <ExchangeHeading e={e} />}
            {step.index === 0 && <LegHeading e={e} step={step} />}
            <HopItem ref={(el) => { refs.current[i] = el; }} step={step} number={i + 1} selected={i === position} onSelect={() => selectStep(i)} />
          </Fragment>
        );
      })}
    </ol>
  );
}
