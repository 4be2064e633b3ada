import { describe, expect, it } from 'vitest';
import { fromDraft, slugify, toDraft, uniqueId } from './taxonomy-draft';

describe('taxonomy draft', () => {
  it('slugifies names into ids the server accepts', () => {
    expect(slugify('Azure AI & Machine Learning')).toBe('azure-ai-machine-learning');
    expect(slugify('  Łódź Übersicht ')).toBe('lodz-ubersicht');
    expect(slugify('数据与人工智能')).toBe('');
    expect(slugify('x'.repeat(80)).length).toBeLessThanOrEqual(56);
  });

  it('falls back and de-duplicates', () => {
    const taken = new Set(['data', 'area']);
    expect(uniqueId('Data', 'area', taken)).toBe('data-2');
    expect(uniqueId('数据', 'area', taken)).toBe('area-2');
    expect(uniqueId('数据', 'area', taken)).toBe('area-3');
  });

  it('keeps existing ids and gives new sub-areas ids unique across areas', () => {
    const draft = toDraft({
      platforms: [{ id: 'azure', name: 'Azure' }],
      segments: [],
      solutionAreas: [
        { id: 'data', name: 'Data', subAreas: [{ id: 'analytics', name: 'Analytics' }] },
      ],
    });
    draft.platforms[0]!.name = ' Microsoft Azure ';
    draft.solutionAreas.push({
      key: 'new',
      id: '',
      name: 'Security',
      subAreas: [{ key: 'n2', id: '', name: 'Analytics' }],
    });
    const taxonomy = fromDraft(draft);
    expect(taxonomy.platforms).toEqual([{ id: 'azure', name: 'Microsoft Azure' }]);
    expect(taxonomy.solutionAreas[1]).toEqual({
      id: 'security',
      name: 'Security',
      subAreas: [{ id: 'analytics-2', name: 'Analytics' }],
    });
  });
});
