import { describe, expect, it } from 'vitest';
import type { CosellDraftBody, CosellTab } from '../../api/client';
import {
  adoptTab,
  bodyOf,
  draftOf,
  editDraft,
  isDirty,
  isLandingPageUrl,
  placeDraftErrors,
  savedState,
  type DraftState,
} from './cosell-draft';

const EMPTY: CosellDraftBody = {
  listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
  landingPageUrl: null,
};

const SAVED: CosellDraftBody = {
  listing: {
    platforms: ['azure'],
    segments: ['smb'],
    solutionType: 'ip',
    solutionAreas: [{ areaId: 'data-ai', subAreaIds: ['analytics'] }],
  },
  landingPageUrl: 'https://contoso.example/product',
};

const tabOf = (draft: CosellDraftBody, version: number) =>
  ({ draft, offer: { version } }) as unknown as CosellTab;

const stateOf = (draft: CosellDraftBody, version = 1): DraftState =>
  savedState(tabOf(draft, version));

describe('co-sell draft', () => {
  it('round-trips the server draft and is clean until edited', () => {
    const state = stateOf(SAVED);
    expect(bodyOf(state.draft).body).toEqual(SAVED);
    expect(isDirty(state)).toBe(false);
    const edited = {
      ...state,
      draft: editDraft(state.draft, { type: 'platforms', value: ['azure', 'm365'] }),
    };
    expect(isDirty(edited)).toBe(true);
  });

  it('treats an empty landing page as none, and trims it', () => {
    const state = stateOf(EMPTY);
    const typed = editDraft(state.draft, { type: 'landingPage', value: '   ' });
    expect(bodyOf(typed).body.landingPageUrl).toBeNull();
    expect(isDirty({ ...state, draft: typed })).toBe(false);
    const url = editDraft(state.draft, { type: 'landingPage', value: ' https://a.example ' });
    expect(bodyOf(url).body.landingPageUrl).toBe('https://a.example');
  });

  it('adds, picks, fills and removes solution areas; a new area is an unsaved edit', () => {
    const state = stateOf(EMPTY);
    let draft = editDraft(state.draft, { type: 'addArea' });
    expect(isDirty({ ...state, draft })).toBe(true);
    expect(bodyOf(draft).body.listing.solutionAreas).toEqual([]);
    const key = draft.solutionAreas[0]!.key;
    draft = editDraft(draft, { type: 'area', key, areaId: 'security' });
    draft = editDraft(draft, { type: 'subAreas', key, value: ['identity'] });
    expect(bodyOf(draft).body.listing.solutionAreas).toEqual([
      { areaId: 'security', subAreaIds: ['identity'] },
    ]);
    // Another area: the sub-areas of the previous one do not carry over.
    draft = editDraft(draft, { type: 'area', key, areaId: 'data-ai' });
    expect(draft.solutionAreas[0]!.subAreaIds).toEqual([]);
    draft = editDraft(draft, { type: 'removeArea', key });
    expect(draft.solutionAreas).toEqual([]);
  });

  it('places server messages on the draft areas they are about, skipping unpicked ones', () => {
    let draft = draftOf(EMPTY);
    draft = editDraft(draft, { type: 'addArea' }); // not picked: not sent
    draft = editDraft(draft, { type: 'addArea' });
    const second = draft.solutionAreas[1]!.key;
    draft = editDraft(draft, { type: 'area', key: second, areaId: 'security' });
    const { areaIndex } = bodyOf(draft);
    expect(areaIndex).toEqual([1]);
    const { placed, shownFields } = placeDraftErrors(
      {
        'listing.platforms.0': 'Unknown platform.',
        'listing.solutionAreas.0.subAreaIds': 'Too many.',
        'listing.solutionAreas.0.areaId': 'Twice.',
        'listing.solutionAreas': 'Too many areas.',
        landingPageUrl: 'Enter a full address.',
        somethingElse: 'Left for the problem bar.',
      },
      draft,
      areaIndex,
    );
    expect(placed).toEqual({
      platforms: 'Unknown platform.',
      [`subAreas:${second}`]: 'Too many.',
      [`area:${second}`]: 'Twice.',
      solutionAreas: 'Too many areas.',
      landingPageUrl: 'Enter a full address.',
    });
    expect(shownFields).not.toContain('somethingElse');
  });

  describe('adopting a fresh tab from the server', () => {
    it('takes it whole when nothing is edited', () => {
      const next = adoptTab(stateOf(EMPTY, 1), tabOf(SAVED, 2));
      expect(next.version).toBe(2);
      expect(bodyOf(next.draft).body).toEqual(SAVED);
    });

    it('keeps local edits and moves to the new version when the draft did not change', () => {
      const state = stateOf(EMPTY, 1);
      const edited = {
        ...state,
        draft: editDraft(state.draft, { type: 'solutionType', value: 'service' }),
      };
      const next = adoptTab(edited, tabOf(EMPTY, 2));
      expect(next.version).toBe(2);
      expect(next.draft.solutionType).toBe('service');
    });

    it('keeps the old version when someone else changed the draft, so saving meets 412', () => {
      const state = stateOf(EMPTY, 1);
      const edited = {
        ...state,
        draft: editDraft(state.draft, { type: 'solutionType', value: 'service' }),
      };
      const next = adoptTab(edited, tabOf(SAVED, 2));
      expect(next).toBe(edited);
    });
  });

  it('hints at landing pages the server would refuse', () => {
    expect(isLandingPageUrl('')).toBe(true);
    expect(isLandingPageUrl('https://contoso.example/p?q=1')).toBe(true);
    expect(isLandingPageUrl('http://[2001:db8::1]/')).toBe(true);
    expect(isLandingPageUrl('contoso.example')).toBe(false);
    expect(isLandingPageUrl('ftp://contoso.example')).toBe(false);
    expect(isLandingPageUrl('https://user:pw@contoso.example')).toBe(false);
    expect(isLandingPageUrl('http://intranet')).toBe(false);
    expect(isLandingPageUrl('https://a.example/with space')).toBe(false);
  });
});
