// ShareState ⇄ URL hash (`v=2&data=example&example=lowrank&alg=anls&…`). Encoding is canonical:
// the fields in table order, only those the dataset kind uses (the optional ones only when not at
// their default), each value in its one text, then the open view's section (`x.lo=2&x.hi=6`).
// Decoding is total: any text gives a state; what it could not use is listed, never thrown.
import { decompressFromLink, compressForLink, MAX_DECOMPRESSED } from './inline.js';
import { type AnySection, sectionDefaults, type SectionValues } from './section.js';
import { defaultShareState, toFlat, toState, type ShareState } from './state.js';
import {
  ALL_DATA_FIELDS,
  DATA_FIELDS,
  FIELD_NAMES,
  FIELDS,
  LINK_VERSION,
  OLD_FALLBACKS,
  OPTIONAL_FIELDS,
  type FieldName,
  type Flat,
} from './table.js';

/** A hash for a state, and the size of the data when it was too large to go in (then `data=none`). */
export interface Encoded {
  /** The fragment, without '#'. */
  readonly hash: string;
  /** Size in kB of the data left out of the link, or null when the link holds it (or none was needed). */
  readonly tooLargeKB: number | null;
}

/** What a hash gives: a complete state, and one phrase per thing in it that was ignored. */
export interface Decoded {
  readonly state: ShareState;
  readonly ignored: readonly string[];
  /** True when the hash held no field at all (not a shared link). */
  readonly empty: boolean;
  /** The link's version when it is above LINK_VERSION (made by a newer app), else null. */
  readonly newer: number | null;
}

/**
 * The canonical hash of `s` (inline data compressed, or left out with its size when too large);
 * `sections` are the views' link fields (the open view's are written from s.viewSettings).
 */
export function encodeShare(s: ShareState, sections: readonly AnySection[] = []): Encoded {
  const flat = { ...toFlat(s) };
  let tooLargeKB: number | null = null;
  if (flat.data === 'inline') {
    const packed = compressForLink(flat.csv);
    if ('csv' in packed) {
      flat.csv = packed.csv;
    } else {
      tooLargeKB = packed.tooLargeKB;
      flat.data = 'none';
    }
  }
  const parts = FIELD_NAMES.filter((name) => used(name, flat)).map((name) => `${name}=${escapeValue(format(name, flat))}`);
  const section = sections.find((x) => x.view === s.view);
  if (section) {
    const values = { ...sectionDefaults(section), ...s.viewSettings };
    for (const [name, f] of Object.entries(section.fields)) {
      parts.push(`${section.prefix}.${f.key}=${escapeValue((f.format as (v: unknown) => string)(values[name]))}`);
    }
  }
  return { hash: parts.join('&'), tooLargeKB };
}

/** Whether a field is written for this record: every option, the dataset fields of its kind, the optional ones when not at their default. */
function used(name: FieldName, flat: Flat): boolean {
  if (OPTIONAL_FIELDS.includes(name)) return flat[name] !== FIELDS[name].fallback;
  return !ALL_DATA_FIELDS.includes(name) || DATA_FIELDS[flat.data].includes(name);
}

function format<K extends FieldName>(name: K, flat: Flat): string {
  return (FIELDS[name].format as (v: Flat[K]) => string)(flat[name]);
}

/** Percent-encoding, keeping '+' and '$' (legal in a fragment, and frequent in compressed data). */
function escapeValue(text: string): string {
  return encodeURIComponent(text).replace(/%2B/g, '+').replace(/%24/g, '$');
}

/** The state a hash (with or without its '#') describes, reading the views' `sections`; never throws. */
export function decodeShare(hash: string, sections: readonly AnySection[] = []): Decoded {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const parts = body.split('&').filter((p) => p !== '');
  if (parts.length === 0) return { state: defaultShareState(), ignored: [], empty: true, newer: null };

  const flat: Record<string, unknown> = { ...toFlat(defaultShareState()) };
  const present = new Set<string>();
  const ignored: string[] = [];
  /** Values read for each section, by prefix. */
  const read = new Map<string, Record<string, unknown>>();
  for (const part of parts) {
    const eq = part.indexOf('=');
    const key = decodeEscapes(eq < 0 ? part : part.slice(0, eq));
    const text = eq < 0 ? null : decodeEscapes(part.slice(eq + 1));
    const target = key === null ? null : lookUp(key, sections);
    const label = target ? target.label : `unknown field ${quote(key ?? part.slice(0, Math.max(eq, 0)))}`;
    if (!target || key === null) {
      ignored.push(label);
    } else if (present.has(key)) {
      ignored.push(`${label} given twice (the first was used)`);
    } else if (text === null) {
      ignored.push(eq < 0 ? `${label} (no value)` : `${label} (not valid percent-encoding)`);
    } else {
      const value = target.field.parse(text);
      if (value === undefined) {
        ignored.push(`${label} ${quote(text)} (expected ${target.field.accepts})`);
      } else {
        present.add(key);
        if (target.section) {
          const values = read.get(target.section.prefix) ?? {};
          values[target.name] = value;
          read.set(target.section.prefix, values);
        } else {
          flat[target.name] = value;
        }
      }
    }
  }
  const f = flat as Flat;
  const newer = f.v > LINK_VERSION ? f.v : null;
  for (const [name, value] of Object.entries(OLD_FALLBACKS[f.v] ?? {})) {
    if (present.has(name)) continue;
    (f as Record<string, unknown>)[name] = value;
    present.add(name); // as if the link held it: a solver parameter it lacks would take today's default
  }
  f.v = LINK_VERSION;
  for (const name of ALL_DATA_FIELDS) {
    if (present.has(name) && !DATA_FIELDS[f.data].includes(name))
      ignored.push(`${FIELDS[name].label} (not used by dataset kind ${f.data})`);
  }
  if (f.data === 'inline' && present.has('csv')) {
    const d = decompressFromLink(f.csv);
    if ('text' in d) {
      f.csv = d.text;
    } else {
      const why =
        d.error === 'too-large'
          ? `too large: it expands to more than ${MAX_DECOMPRESSED.toLocaleString('en-US')} characters`
          : 'could not be decompressed';
      ignored.push(`${FIELDS.csv.label} (${why})`);
      f.data = FIELDS.data.fallback;
      f.csv = '';
    }
  }
  const { state, problems } = toState(f, present);
  let viewSettings: SectionValues | null = null;
  for (const section of sections) {
    const values = read.get(section.prefix);
    if (section.view === state.view) viewSettings = { ...sectionDefaults(section), ...values };
    else if (values) ignored.push(`${section.label} settings (not used by view ${state.view})`);
  }
  return { state: { ...state, viewSettings }, ignored: [...ignored, ...problems], empty: false, newer };
}

/** A field a key names: one of the table's, or `prefix.key` of a section's; null for an unknown key. */
function lookUp(
  key: string,
  sections: readonly AnySection[],
): { name: string; label: string; field: (typeof FIELDS)[FieldName] | AnySection['fields'][string]; section?: AnySection } | null {
  if (Object.hasOwn(FIELDS, key)) {
    const name = key as FieldName;
    return { name, label: FIELDS[name].label, field: FIELDS[name] };
  }
  const dot = key.indexOf('.');
  if (dot < 0) return null;
  const section = sections.find((x) => x.prefix === key.slice(0, dot));
  const fieldKey = key.slice(dot + 1);
  const entry = section && Object.entries(section.fields).find(([, f]) => f.key === fieldKey);
  if (!section || !entry) return null;
  return { name: entry[0], label: `${section.label}: ${entry[1].label}`, field: entry[1], section };
}

/** decodeURIComponent, or null for malformed escapes. */
function decodeEscapes(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** A value as quoted in a notice, cut to 40 characters. */
function quote(text: string): string {
  return `“${text.length > 40 ? `${text.slice(0, 40)}…` : text}”`;
}

/** Most ignored fields describeIgnored names one by one; the rest are counted ("and N more"). */
export const MAX_IGNORED_NAMED = 5;

/** One sentence listing what a link's decoding ignored, the first MAX_IGNORED_NAMED by name (empty string when nothing was). */
export function describeIgnored(ignored: readonly string[]): string {
  if (!ignored.length) return '';
  const named = ignored.slice(0, MAX_IGNORED_NAMED).join('; ');
  const more = ignored.length - MAX_IGNORED_NAMED;
  return `Ignored in the link (defaults used instead): ${named}${more > 0 ? `; and ${more} more` : ''}.`;
}
