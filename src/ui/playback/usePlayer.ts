// The player's clock: while playing, moves to the next hop after a pause that shrinks with
// the speed. Timers live here in the UI; the store only knows "tick".
import { useEffect } from 'react';
import { useAppStore } from '../../store';

/** Time spent on each hop at 1x, in milliseconds (the packet's move takes about half). */
export const HOP_MS = 1600;

export function usePlayer(): void {
  const playing = useAppStore((s) => s.playing);
  const position = useAppStore((s) => s.position);
  const speed = useAppStore((s) => s.speed);
  const tick = useAppStore((s) => s.tick);
  useEffect(() => {
    if (!playing) return;
    const id = window.setTimeout(tick, HOP_MS / speed);
    return () => window.clearTimeout(id);
  }, [playing, position, speed, tick]);
}
