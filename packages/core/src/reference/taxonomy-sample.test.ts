import { describe, expect, it } from 'vitest';
import {
  SAMPLE_MICROSOFT_PLATFORMS,
  SAMPLE_SEGMENTS,
  SAMPLE_SOLUTION_AREAS,
  SAMPLE_TAXONOMY_NOTE,
} from './taxonomy-sample';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

describe('sample taxonomy', () => {
  it('says it is sample data', () => {
    expect(SAMPLE_TAXONOMY_NOTE).toMatch(/sample/i);
  });

  it('gives every item a unique slug id', () => {
    const subAreas = SAMPLE_SOLUTION_AREAS.flatMap((area) => area.subAreas);
    for (const list of [
      SAMPLE_MICROSOFT_PLATFORMS,
      SAMPLE_SEGMENTS,
      SAMPLE_SOLUTION_AREAS,
      subAreas,
    ]) {
      const ids = list.map((item) => item.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(SLUG);
    }
  });

  it('seeds about ten platforms and 6–8 areas of 3–6 sub-areas', () => {
    expect(SAMPLE_MICROSOFT_PLATFORMS.length).toBeGreaterThanOrEqual(10);
    expect(SAMPLE_SOLUTION_AREAS.length).toBeGreaterThanOrEqual(6);
    expect(SAMPLE_SOLUTION_AREAS.length).toBeLessThanOrEqual(8);
    for (const area of SAMPLE_SOLUTION_AREAS) {
      expect(area.subAreas.length).toBeGreaterThanOrEqual(3);
      expect(area.subAreas.length).toBeLessThanOrEqual(6);
    }
  });

  it('defines segments that cover every employee count without overlap', () => {
    expect(SAMPLE_SEGMENTS.map((s) => s.name)).toEqual(['SMB', 'Corporate', 'Enterprise']);
    let next = 0;
    for (const segment of SAMPLE_SEGMENTS) {
      expect(segment.minEmployees).toBe(next);
      next = segment.maxEmployees === null ? Infinity : segment.maxEmployees + 1;
    }
    expect(next).toBe(Infinity);
  });
});
