/**
 * The co-sell tab's working copy of "Save draft" (listing and product landing page): edits as a
 * reducer, the body to send, whether anything is unsaved, where the server's field messages
 * belong, and how a fresh answer from the server merges with local edits.
 */
import type { CosellDraftBody, CosellTab, SolutionTypeId } from '../../api/client';

export interface DraftArea {
  /** React key, stable while editing. */
  key: string;
  /** Empty until the user picks the area. */
  areaId: string;
  subAreaIds: string[];
}

export interface Draft {
  platforms: string[];
  segments: string[];
  solutionType: SolutionTypeId | null;
  solutionAreas: DraftArea[];
  /** As typed; empty means none. */
  landingPageUrl: string;
}

export interface DraftState {
  /** The draft as last loaded or saved: what "unsaved changes" compare against. */
  base: CosellDraftBody;
  draft: Draft;
  /** The offer version `base` belongs to: sent back as If-Match. */
  version: number;
}

let counter = 0;
const newKey = () => `area-${++counter}`;

/** The tab's draft with its landing page read as text or null (the API schema leaves it open). */
export function draftBodyOf(draft: CosellTab['draft']): CosellDraftBody {
  return {
    listing: draft.listing,
    landingPageUrl: typeof draft.landingPageUrl === 'string' ? draft.landingPageUrl : null,
  };
}

export function draftOf(body: CosellDraftBody): Draft {
  return {
    platforms: [...body.listing.platforms],
    segments: [...body.listing.segments],
    solutionType: body.listing.solutionType,
    solutionAreas: body.listing.solutionAreas.map((area) => ({
      key: newKey(),
      areaId: area.areaId,
      subAreaIds: [...area.subAreaIds],
    })),
    landingPageUrl: body.landingPageUrl ?? '',
  };
}

/**
 * The body of "Save draft". Areas not picked yet are left out; `areaIndex[i]` is the position
 * in the draft of the body's area `i` (the server's messages name body positions).
 */
export function bodyOf(draft: Draft): { body: CosellDraftBody; areaIndex: number[] } {
  const areaIndex: number[] = [];
  const solutionAreas = draft.solutionAreas.flatMap((area, index) => {
    if (!area.areaId) return [];
    areaIndex.push(index);
    return [{ areaId: area.areaId, subAreaIds: [...area.subAreaIds] }];
  });
  const url = draft.landingPageUrl.trim();
  return {
    body: {
      listing: {
        platforms: [...draft.platforms],
        segments: [...draft.segments],
        solutionType: draft.solutionType,
        solutionAreas,
      },
      landingPageUrl: url === '' ? null : url,
    },
    areaIndex,
  };
}

const sameBody = (a: CosellDraftBody, b: CosellDraftBody) =>
  JSON.stringify(a.listing) === JSON.stringify(b.listing) &&
  (a.landingPageUrl ?? null) === (b.landingPageUrl ?? null);

/** True when the working copy differs from what the server holds (as far as we know). */
export function isDirty(state: DraftState): boolean {
  // An area added but not picked yet is an edit in progress, too.
  if (state.draft.solutionAreas.some((area) => !area.areaId)) return true;
  return !sameBody(bodyOf(state.draft).body, state.base);
}

/**
 * Merges a tab the server just sent (after a load, an upload, a save) with the working copy:
 * without local edits, take it whole; with local edits over an unchanged draft (the answer to
 * an upload, a contact change or our own offer setup save), keep them and move to the new
 * version; with local edits over a draft someone else changed, keep the old version, so "Save
 * draft" gets 412 instead of silently overwriting their work.
 */
export function adoptTab(state: DraftState | null, tab: CosellTab): DraftState {
  if (!state || !isDirty(state)) return savedState(tab);
  if (sameBody(state.base, draftBodyOf(tab.draft))) return { ...state, version: tab.offer.version };
  return state;
}

/** The working copy after "Save draft" succeeded: exactly what the server stored. */
export function savedState(tab: CosellTab): DraftState {
  const base = draftBodyOf(tab.draft);
  return { base, draft: draftOf(base), version: tab.offer.version };
}

export type DraftAction =
  | { type: 'platforms'; value: string[] }
  | { type: 'segments'; value: string[] }
  | { type: 'solutionType'; value: SolutionTypeId }
  | { type: 'addArea' }
  | { type: 'area'; key: string; areaId: string }
  | { type: 'subAreas'; key: string; value: string[] }
  | { type: 'removeArea'; key: string }
  | { type: 'landingPage'; value: string };

export function editDraft(draft: Draft, action: DraftAction): Draft {
  switch (action.type) {
    case 'platforms':
      return { ...draft, platforms: action.value };
    case 'segments':
      return { ...draft, segments: action.value };
    case 'solutionType':
      return { ...draft, solutionType: action.value };
    case 'addArea':
      return {
        ...draft,
        solutionAreas: [...draft.solutionAreas, { key: newKey(), areaId: '', subAreaIds: [] }],
      };
    case 'area':
      return {
        ...draft,
        // Another area has other sub-areas: the chosen ones no longer apply.
        solutionAreas: draft.solutionAreas.map((area) =>
          area.key === action.key
            ? {
                ...area,
                areaId: action.areaId,
                subAreaIds: area.areaId === action.areaId ? area.subAreaIds : [],
              }
            : area,
        ),
      };
    case 'subAreas':
      return {
        ...draft,
        solutionAreas: draft.solutionAreas.map((area) =>
          area.key === action.key ? { ...area, subAreaIds: action.value } : area,
        ),
      };
    case 'removeArea':
      return {
        ...draft,
        solutionAreas: draft.solutionAreas.filter((area) => area.key !== action.key),
      };
    case 'landingPage':
      return { ...draft, landingPageUrl: action.value };
  }
}

/**
 * Where each server message goes on screen: `platforms`, `segments`, `solutionType`,
 * `solutionAreas` (the list as a whole), `area:<key>`, `subAreas:<key>`, `landingPageUrl`.
 * `unplaced` keeps the server's fields that fit nowhere (shown in the problem bar).
 */
export function placeDraftErrors(
  fields: Record<string, string>,
  draft: Draft,
  areaIndex: readonly number[],
): { placed: Record<string, string>; shownFields: string[] } {
  const placed: Record<string, string> = {};
  const shownFields: string[] = [];
  const put = (slot: string, field: string, message: string) => {
    placed[slot] =
      placed[slot] && placed[slot] !== message ? `${placed[slot]} ${message}` : message;
    shownFields.push(field);
  };
  for (const [field, message] of Object.entries(fields)) {
    const parts = field.split('.');
    if (parts[0] === 'landingPageUrl') {
      put('landingPageUrl', field, message);
      continue;
    }
    if (parts[0] !== 'listing' || !parts[1]) continue;
    const name = parts[1];
    if (name === 'platforms' || name === 'segments' || name === 'solutionType') {
      put(name, field, message);
    } else if (name === 'solutionAreas') {
      const area =
        parts[2] === undefined ? undefined : draft.solutionAreas[areaIndex[Number(parts[2])] ?? -1];
      if (!area) put('solutionAreas', field, message);
      else
        put(
          parts[3] === 'subAreaIds' ? `subAreas:${area.key}` : `area:${area.key}`,
          field,
          message,
        );
    }
  }
  return { placed, shownFields };
}

/**
 * The client's hint for the landing page, before the server decides: an absolute http(s)
 * address with a dotted host name and no user name or password (as the server checks it).
 */
export function isLandingPageUrl(value: string): boolean {
  const text = value.trim();
  if (text === '') return true;
  if (text.length > 2048 || /\s/.test(text)) return false;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return false;
  if (url.username || url.password) return false;
  return url.hostname.includes('.') || url.hostname.startsWith('[');
}
