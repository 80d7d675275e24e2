// The link sections of the registered views (pure: no React, no controller), checked once.
import { type AnySection, anySection, type LinkSection, sectionsProblem } from '../../src/share/section.js';
import type { ViewId } from '../state/view.js';

/** What checkedSections reads of a view: its id and its link section, if any. */
export interface ViewWithSection {
  readonly id: ViewId;
  readonly link?: { readonly section: LinkSection<Record<string, unknown>> };
}

/** The sections of `views`' links; throws when one belongs to another view or they clash (a programming error). */
export function checkedSections(views: readonly ViewWithSection[]): AnySection[] {
  const sections = views.flatMap((v) => {
    if (!v.link) return [];
    if (v.link.section.view !== v.id) throw new Error(`view ${v.id}: its link section is for view ${v.link.section.view}`);
    return [anySection(v.link.section)];
  });
  const problem = sectionsProblem(sections);
  if (problem) throw new Error(problem);
  return sections;
}
