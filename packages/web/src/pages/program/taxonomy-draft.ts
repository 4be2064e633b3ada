/**
 * The taxonomy editor's working copy. Items keep their ids (offers will refer to them); new
 * items get an id derived from their name when saved, unique where the server requires it
 * (platforms, segments and areas within their list; sub-areas across all areas).
 */
import type { Taxonomy } from '../../api/client';

export interface DraftItem {
  /** React key, stable while editing. */
  key: string;
  /** Empty until saved for new items. */
  id: string;
  name: string;
}

export interface DraftArea extends DraftItem {
  subAreas: DraftItem[];
}

export interface Draft {
  platforms: DraftItem[];
  segments: DraftItem[];
  solutionAreas: DraftArea[];
}

let counter = 0;
export const newKey = () => `k${++counter}`;

export const newItem = (): DraftItem => ({ key: newKey(), id: '', name: '' });

export function toDraft(taxonomy: Taxonomy): Draft {
  const item = ({ id, name }: { id: string; name: string }): DraftItem => ({
    key: newKey(),
    id,
    name,
  });
  return {
    platforms: taxonomy.platforms.map(item),
    segments: taxonomy.segments.map(item),
    solutionAreas: taxonomy.solutionAreas.map((area) => ({
      ...item(area),
      subAreas: area.subAreas.map(item),
    })),
  };
}

/** Lower-case ASCII slug of a name ("Azure AI & Machine Learning" → "azure-ai-machine-learning"). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/ł/g, 'l')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 56)
    .replace(/-+$/g, '');
}

/** An id for a new item: its name's slug, else `fallback`, made unique against `taken`. */
export function uniqueId(name: string, fallback: string, taken: Set<string>): string {
  const base = slugify(name) || fallback;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The taxonomy to send: names trimmed, ids assigned to new items. */
export function fromDraft(draft: Draft): Taxonomy {
  const assign = (items: DraftItem[], fallback: string, taken: Set<string>) =>
    items.map((item) => ({
      id: item.id || uniqueId(item.name, fallback, taken),
      name: item.name.trim(),
    }));
  const ids = (items: DraftItem[]) => new Set(items.filter((i) => i.id).map((i) => i.id));
  const subTaken = new Set(
    draft.solutionAreas.flatMap((a) => a.subAreas.filter((s) => s.id).map((s) => s.id)),
  );
  const areaTaken = ids(draft.solutionAreas);
  return {
    platforms: assign(draft.platforms, 'platform', ids(draft.platforms)),
    segments: assign(draft.segments, 'segment', ids(draft.segments)),
    solutionAreas: draft.solutionAreas.map((area) => ({
      id: area.id || uniqueId(area.name, 'area', areaTaken),
      name: area.name.trim(),
      subAreas: assign(area.subAreas, 'sub-area', subTaken),
    })),
  };
}
