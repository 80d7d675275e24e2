// The views of the app as a link names them, and the link fields a view adds for its settings:
// a LinkSection is a small table of fields kept under a prefix (`x.lo=2&x.hi=6`), written after
// the main table while its view is open. The codec takes the sections as an argument, so a view
// registers its own (web/app/views.ts) without any change here.
import type { Field } from './field.js';

/** Every view the app knows: the main view (the run and its plots) and the views beside it. */
export const VIEW_IDS = ['main', 'explore', 'restarts', 'compare', 'learn'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

/** A view's settings as a section holds them: one value per field, by the field's name in the section. */
export type SectionValues = Readonly<Record<string, unknown>>;

/** The link fields of one view's settings. */
export interface LinkSection<S extends object = SectionValues> {
  /** The view whose settings these are; they are written only while it is open. */
  readonly view: ViewId;
  /** Put before each field's key with a dot (`x` → `x.lo`): lower-case letters, unique among the sections. */
  readonly prefix: string;
  /** Names the section in a notice ("Explore rank: lowest rank “abc” …"). */
  readonly label: string;
  /** The fields, in the order they are written; each value of S has its field under the same name. */
  readonly fields: { readonly [K in keyof S]: Field<S[K]> };
}

/** A section of any settings type (as the codec handles them). */
export type AnySection = LinkSection<SectionValues>;

/** Erases a section's settings type, for a list of sections of different views. */
export function anySection<S extends object>(section: LinkSection<S>): AnySection {
  return section as unknown as AnySection;
}

/** Every field of `section` at its default. */
export function sectionDefaults(section: AnySection): SectionValues {
  const out: Record<string, unknown> = {};
  for (const [name, f] of Object.entries(section.fields)) out[name] = f.fallback;
  return out;
}

/**
 * Why this list of sections cannot share one link (a bad or repeated prefix, two sections for one
 * view, a field key that is not plain, a view that does not exist), or null.
 */
export function sectionsProblem(sections: readonly AnySection[]): string | null {
  const prefixes = new Set<string>();
  const views = new Set<string>();
  for (const s of sections) {
    if (!/^[a-z]+$/.test(s.prefix)) return `link section ${s.label}: prefix “${s.prefix}” must be lower-case letters`;
    if (prefixes.has(s.prefix)) return `link section ${s.label}: prefix “${s.prefix}” is used twice`;
    if (views.has(s.view)) return `link section ${s.label}: view ${s.view} has two sections`;
    if (!(VIEW_IDS as readonly string[]).includes(s.view)) return `link section ${s.label}: there is no view ${s.view}`;
    prefixes.add(s.prefix);
    views.add(s.view);
    for (const f of Object.values(s.fields)) {
      if (!/^[A-Za-z][A-Za-z0-9]*$/.test(f.key)) return `link section ${s.label}: field key “${f.key}” must be letters and digits`;
    }
  }
  return null;
}
