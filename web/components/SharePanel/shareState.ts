// The app's state as a share link holds it, and a link's state as the app opens it (no DOM).
import { decodeShare, describeIgnored, encodeShare, type Encoded, type ShareState } from '../../../src/share/index.js';
import type { AnySection, SectionValues, ViewId } from '../../../src/share/section.js';
import { LINK_VERSION } from '../../../src/share/table.js';
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
  readonly view: ViewId;
  /** The open view's settings from the link (its section's values), or null when it has none. */
  readonly viewSettings: SectionValues | null;
  readonly embed: boolean;
  readonly notices: readonly string[];
}

/** What a link of the app holds beside the app state: the views' link sections, the open view's settings, the embed switch. */
export interface LinkExtras {
  readonly sections: readonly AnySection[];
  /** The open view's settings (its section's values), or null when it has no section. */
  readonly viewSettings: SectionValues | null;
  readonly embed: boolean;
}

const NO_EXTRAS: LinkExtras = { sections: [], viewSettings: null, embed: false };

/**
 * The state a link of the app should hold (the matrix in the worker, the options, speed,
 * iteration and open view on screen, with `extras`), or null before any data.
 */
export function shareStateOf(s: AppState, extras: LinkExtras = NO_EXTRAS): ShareState | null {
  if (!s.data) return null;
  return {
    data: s.data.spec,
    options: s.options,
    speed: s.speed,
    iteration: s.run.iteration,
    view: s.view,
    viewSettings: extras.viewSettings,
    embed: extras.embed,
  };
}

/** The link's hash for the app's state, or null before any data. */
export function encodeApp(s: AppState, extras: LinkExtras = NO_EXTRAS): Encoded | null {
  const state = shareStateOf(s, extras);
  return state ? encodeShare(state, extras.sections) : null;
}

/** The notice of a link made by a newer version of the app. */
export function newerLinkNotice(version: number): string {
  return `This link was made by a newer version of NMF Playground (link version ${version}; this app reads up to ${LINK_VERSION}): what this version knows of it was opened, and the rest left at its defaults.`;
}

/** The speed offered by the Speed control closest to `speed` (null = as fast as possible). */
export function nearestSpeed(speed: Speed, offered: readonly Speed[]): Speed {
  if (speed === null || offered.includes(speed)) return speed;
  const numbers = offered.filter((x): x is number => x !== null);
  if (!numbers.length) return null;
  return numbers.reduce((best, x) => (Math.abs(Math.log(x / speed)) < Math.abs(Math.log(best / speed)) ? x : best));
}

/** How to open `hash` (reading the views' `sections`), or null when it holds no link (an empty hash). Never throws. */
export function planOpen(hash: string, offeredSpeeds: readonly Speed[], sections: readonly AnySection[] = []): OpenPlan | null {
  const { state, ignored, empty, newer } = decodeShare(hash, sections);
  if (empty) return null;
  const notices: string[] = [];
  const speed = nearestSpeed(state.speed, offeredSpeeds);
  if (state.data) {
    const past =
      state.iteration > state.options.maxIter
        ? ` That is past its Max iterations of ${state.options.maxIter}: the run steps on past that stop, as Step does.`
        : '';
    const goal =
      state.iteration > 0 ? ` It runs to iteration ${state.iteration} with the link's options, so you see the same numbers.${past}` : '';
    notices.push(`Opened from a shared link.${goal}`);
  } else {
    notices.push(
      'Opened from a shared link that holds the options only (its data was too large for a link): the first example is shown with them; load the same data to reproduce the run.',
    );
  }
  if (newer !== null) notices.push(newerLinkNotice(newer));
  if (ignored.length) notices.push(describeIgnored(ignored));
  if (speed !== state.speed) notices.push(`The link's speed of ${state.speed} iterations/s is not offered: ${speed} iterations/s is used.`);
  return {
    data: state.data,
    options: state.options,
    speed,
    iteration: state.iteration,
    view: state.view,
    viewSettings: state.viewSettings,
    embed: state.embed,
    notices,
  };
}
