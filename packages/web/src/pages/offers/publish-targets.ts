/**
 * Where the links of "Review and publish" and "Co-sell status" lead: a blocking item or a
 * validation problem (a checklist id such as `listing/platforms`, or a field path such as
 * `listing.solutionAreas.0.areaId`), and a status requirement's `fix`, to a tab of the offer
 * page and the id of the field to focus there.
 */
import type { FixTarget, Requirement } from './publish-types';

const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** The tab and field of a blocking item or problem id; null when no field fixes it here. */
export function problemTarget(id: string): FixTarget | null {
  const [head = '', second = ''] = id.split(/[/.]/);
  switch (head) {
    case 'offer':
      if (second === 'eligible') return { tab: 'setup', field: 'offer-type' };
      if (second === 'markets') return { tab: 'setup', field: 'offer-markets' };
      if (second === 'live') return null; // publishing itself makes it live
      return { tab: 'setup' };
    case 'listing':
      return second ? { tab: 'cosell', field: `listing-${kebab(second)}` } : { tab: 'cosell' };
    case 'landingPageUrl':
    case 'landingPage':
      return { tab: 'cosell', field: 'landing-page-url' };
    case 'documents':
      return { tab: 'cosell', field: second ? `document-${second}` : 'documents' };
    case 'contacts':
      return { tab: 'cosell', field: 'contacts' };
    default:
      return null;
  }
}

/**
 * The tab and field of a requirement's fix; null for a reviewer's action ("review") and for
 * the program profile, which lives on the settings page (see {@link PROFILE_HREF}).
 */
export function requirementTarget(fix: Requirement['fix']): FixTarget | null {
  switch (fix.area) {
    case 'cosell':
      return { tab: 'cosell', field: fix.field };
    case 'offer-setup':
      return { tab: 'setup', field: fix.field };
    case 'publish':
      return { tab: 'publish', field: 'publish-button' };
    default:
      return null;
  }
}

/** The settings section where the organisation's program profile is kept. */
export const PROFILE_HREF = '/settings?section=profile';

/**
 * Element ids the server names differently from the page: the focus goes to the first of
 * these that exists.
 */
export const FIELD_ALIASES: Record<string, readonly string[]> = {
  'landing-page': ['landing-page-url'],
  documents: ['document-one-pager', 'document-pitch-deck'],
  'offer-lifecycle': ['publish-button'],
  // The "priced above zero" switch shows only for a transactable offer.
  'offer-priced-above-zero': ['offer-transactable'],
};
