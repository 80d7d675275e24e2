// The app's state as a share link holds it, and a link's state as the app opens it (no DOM).
import { decodeShare, describeIgnored, encodeShare, type Encoded, type ShareState } from '../../../src/share/index.js';
import type { AppState } from '../../state/app.js';
import type { Speed } from '../../shared/protocol.js';
import type { DataSpec } from '../../../src/data/spec.js';
import type { RunOptions } from '../../../src/driver/options.js';

/** What the app does to open a link: the data (null: none in the link), options, speed, iteration and notices. */
export interface OpenPlan {
  readonly data: DataSpec | null;
  readonly options: RunOptions;
  readonly speed: Speed;
  readonly iteration: number;
  readonly notices: readonly string[];
}

/** The state a link of the app should hold (the matrix in the worker, the options, speed and iteration on screen), or null before any data. */
export function shareStateOf(s: AppState): ShareState | null {
  if (!s.data) return null;
  return { data: s.data.spec, options: s.options, speed: s.speed, iteration: s.run.iteration };
}

/** The link's hash for the app's state, or null before any data. */
export function encodeApp(s: AppState): Encoded | null {
  const state = shareStateOf(s);
  return state ? encodeShare(state) : null;
}

/** The speed offered by the Speed control closest to `speed` (null = as fast as possible). */
export function nearestSpeed(speed: Speed, offered: readonly Speed[]): Speed {
  if (speed === null || offered.includes(speed)) return speed;
  const numbers = offered.filter((x): x is number => x !== null);
  if (!numbers.length) return null;
  return numbers.reduce((best, x) => (Math.abs(Math.log(x / speed)) < Math.abs(Math.log(best / speed)) ? x : best));
}

/** How to open `hash`, or null when it holds no link (an empty hash). Never throws. */
export function planOpen(hash: string, offeredSpeeds: readonly Speed[]): OpenPlan | null {
  const { state, ignored, empty } = decodeShare(hash);
  if (empty) return null;
  const notices: string[] = [];
  const speed = nearestSpeed(state.speed, offeredSpeeds);
  if (state.data) {
    const goal =
      state.iteration > 0 ? ` It runs to iteration ${state.iteration} with the link's options, so you see the same numbers.` : '';
    notices.push(`Opened from a shared link.${goal}`);
  } else {
    notices.push(
      'Opened from a shared link that holds the options only (its data was too large for a link): the first example is shown with them; load the same data to reproduce the run.',
    );
  }
  if (ignored.length) notices.push(describeIgnored(ignored));
  if (speed !== state.speed) notices.push(`The link's speed of ${state.speed} iterations/s is not offered: ${speed} iterations/s is used.`);
  return { data: state.data, options: state.options, speed, iteration: state.iteration, notices };
}
