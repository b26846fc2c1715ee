// Playback controls: step back, play / pause, step forward, the speed, and where we are.
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS, useAppStore, type Speed } from '../../store';
import { IconBack, IconForward, IconPause, IconPlay } from '../common/icons';
import { usePlayer } from './usePlayer';

export function PlaybackBar() {
  usePlayer();
  const s = useAppStore(useShallow((st) => ({
    count: st.steps.length, position: st.position, playing: st.playing, speed: st.speed, leg: st.steps[st.position]?.leg,
    play: st.play, pause: st.pause, stepBack: st.stepBack, stepForward: st.stepForward, setSpeed: st.setSpeed,
  })));
  const none = s.count === 0;
  return (
    <div className="pp-playback" role="group" aria-label="Playback">
      <button type="button" className="pp-btn pp-btn-icon" onClick={s.stepBack} disabled={none || s.position === 0} aria-label="Step back" title="Step back">
        <IconBack />
      </button>
      {s.playing ? (
        <button type="button" className="pp-btn pp-btn-play" onClick={s.pause} aria-label="Pause">
          <IconPause /> Pause
        </button>
      ) : (
        <button type="button" className="pp-btn pp-btn-play" onClick={s.play} disabled={s.count < 2} aria-label="Play">
          <IconPlay /> Play
        </button>
      )}
      <button type="button" className="pp-btn pp-btn-icon" onClick={s.stepForward} disabled={none || s.position >= s.count - 1} aria-label="Step forward" title="Step forward">
        <IconForward />
      </button>
      <span className="pp-position" aria-live="off">
        {none ? 'No hops yet' : `Hop ${s.position + 1} of ${s.count}`}
        {s.leg && <span className="pp-muted"> · {s.leg}</span>}
      </span>
      <label className="pp-speed">
        Speed
        <select value={s.speed} onChange={(e) => s.setSpeed(Number(e.target.value) as Speed)}>
          {SPEEDS.map((v) => <option key={v} value={v}>{v}x</option>)}
        </select>
      </label>
    </div>
  );
}
