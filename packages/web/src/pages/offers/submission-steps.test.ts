import { describe, expect, it } from 'vitest';
import { stepsOf } from './submission-steps';

const states = (state: Parameters<typeof stepsOf>[0]['state'], offerWasLive = false) =>
  stepsOf({ state, offerWasLive }).map((step) => step.state);

describe('stepsOf', () => {
  it('walks a new offer through validation, review, preview and Go live', () => {
    expect(states('validating')).toEqual(['current', 'waiting', 'waiting', 'waiting', 'waiting']);
    expect(states('in-review')).toEqual(['done', 'current', 'waiting', 'waiting', 'waiting']);
    expect(states('approved')).toEqual(['done', 'done', 'current', 'waiting', 'waiting']);
    expect(states('preview')).toEqual(['done', 'done', 'done', 'action', 'waiting']);
    expect(states('publishing')).toEqual(['done', 'done', 'done', 'done', 'current']);
    expect(states('published')).toEqual(['done', 'done', 'done', 'done', 'done']);
  });

  it('marks the step that failed', () => {
    expect(states('attention-needed')).toEqual([
      'failed',
      'waiting',
      'waiting',
      'waiting',
      'waiting',
    ]);
    expect(states('rejected')).toEqual(['done', 'failed', 'waiting', 'waiting', 'waiting']);
  });

  it('skips preview and Go live for an update of a live offer', () => {
    expect(states('in-review', true)).toEqual(['done', 'current', 'skipped', 'skipped', 'waiting']);
    expect(states('published', true)).toEqual(['done', 'done', 'done', 'done', 'done']);
  });
});
