import { describe, expect, it } from 'vitest';
import { problemTarget, requirementTarget } from './publish-targets';

describe('problemTarget', () => {
  it('maps checklist ids to the field of the co-sell tab or the offer setup', () => {
    expect(problemTarget('listing/platforms')).toEqual({
      tab: 'cosell',
      field: 'listing-platforms',
    });
    expect(problemTarget('listing/solutionType')).toEqual({
      tab: 'cosell',
      field: 'listing-solution-type',
    });
    expect(problemTarget('documents/one-pager')).toEqual({
      tab: 'cosell',
      field: 'document-one-pager',
    });
    expect(problemTarget('contacts/partnerSales')).toEqual({ tab: 'cosell', field: 'contacts' });
    expect(problemTarget('offer/markets')).toEqual({ tab: 'setup', field: 'offer-markets' });
    expect(problemTarget('offer/eligible')).toEqual({ tab: 'setup', field: 'offer-type' });
  });

  it('maps field paths of validation problems', () => {
    expect(problemTarget('listing.solutionAreas.0.areaId')).toEqual({
      tab: 'cosell',
      field: 'listing-solution-areas',
    });
    expect(problemTarget('listing.segments.2')).toEqual({
      tab: 'cosell',
      field: 'listing-segments',
    });
    expect(problemTarget('landingPageUrl')).toEqual({ tab: 'cosell', field: 'landing-page-url' });
  });

  it('has no link for what publishing itself fixes, or for unknown ids', () => {
    expect(problemTarget('offer/live')).toBeNull();
    expect(problemTarget('sections')).toBeNull();
  });
});

describe('requirementTarget', () => {
  it('sends each area to its tab, and has no link for reviewers and the profile', () => {
    expect(requirementTarget({ area: 'cosell', field: 'listing-platforms' })).toEqual({
      tab: 'cosell',
      field: 'listing-platforms',
    });
    expect(requirementTarget({ area: 'offer-setup', field: 'offer-type' })).toEqual({
      tab: 'setup',
      field: 'offer-type',
    });
    expect(requirementTarget({ area: 'publish', field: 'publish' })).toEqual({
      tab: 'publish',
      field: 'publish-button',
    });
    expect(requirementTarget({ area: 'review', field: 'technical-validation' })).toBeNull();
    expect(requirementTarget({ area: 'profile', field: 'profile-revenue' })).toBeNull();
  });
});
