/**
 * Saved views of the workspace: a named filter set, kept per user in this browser's
 * localStorage (they do not follow the user to another browser).
 */
import { DEFAULT_QUERY, STATUS_FILTERS, SORT_FIELDS, type FilterSet } from './list-query';

export interface SavedView {
  name: string;
  filters: FilterSet;
}

const MAX_VIEWS = 20;
const storageKey = (userId: string) => `cosell.opportunities.views.${userId}`;

const str = (value: unknown, max = 200) => (typeof value === 'string' ? value.slice(0, max) : '');

/** Reads stored views, dropping anything malformed (the storage may hold an older shape). */
export function parseSavedViews(text: string | null): SavedView[] {
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item): SavedView[] => {
    if (!item || typeof item !== 'object') return [];
    const { name, filters } = item as { name?: unknown; filters?: Record<string, unknown> };
    if (typeof name !== 'string' || !name.trim() || !filters || typeof filters !== 'object')
      return [];
    const statuses = Array.isArray(filters.statuses)
      ? filters.statuses.filter((s): s is FilterSet['statuses'][number] =>
          (STATUS_FILTERS as readonly unknown[]).includes(s),
        )
      : [];
    return [
      {
        name: name.trim().slice(0, 80),
        filters: {
          search: str(filters.search),
          statuses,
          stage: str(filters.stage, 100),
          dealKind: str(filters.dealKind, 40),
          solution: str(filters.solution, 100),
          country: str(filters.country, 2),
          closeFrom: str(filters.closeFrom, 10),
          closeTo: str(filters.closeTo, 10),
          sort: (SORT_FIELDS as readonly unknown[]).includes(filters.sort)
            ? (filters.sort as FilterSet['sort'])
            : DEFAULT_QUERY.sort,
          direction: filters.direction === 'asc' ? 'asc' : 'desc',
        },
      },
    ];
  });
}

/** Adds or replaces (same name, ignoring case) a view; the newest first, at most 20. */
export function withView(views: readonly SavedView[], view: SavedView): SavedView[] {
  const key = view.name.trim().toLocaleLowerCase();
  return [view, ...views.filter((v) => v.name.toLocaleLowerCase() !== key)].slice(0, MAX_VIEWS);
}

export function loadSavedViews(userId: string): SavedView[] {
  try {
    return parseSavedViews(localStorage.getItem(storageKey(userId)));
  } catch {
    return [];
  }
}

export function storeSavedViews(userId: string, views: readonly SavedView[]): void {
  try {
    localStorage.setItem(storageKey(userId), JSON.stringify(views));
  } catch {
    // Storage full or disabled: the views last until the page closes.
  }
}
