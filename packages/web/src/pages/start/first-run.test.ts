import { describe, expect, it } from 'vitest';
import { firstRunSteps } from './first-run';

const empty = {
  partners: 0,
  ownerInvited: false,
  taxonomySaved: false,
  policyChosen: false,
  contactSet: false,
};

describe('firstRunSteps', () => {
  it('has every step to do on an empty installation, in order', () => {
    const steps = firstRunSteps(empty);
    expect(steps.map((s) => s.id)).toEqual(['partner', 'invite', 'taxonomy', 'policy', 'contact']);
    expect(steps.every((s) => !s.done)).toBe(true);
    expect(steps[0]!.path).toBe('/program?section=organisations&create=partner');
  });

  it('marks each step done by its own fact', () => {
    const steps = firstRunSteps({ ...empty, partners: 1, policyChosen: true });
    expect(steps.filter((s) => s.done).map((s) => s.id)).toEqual(['partner', 'policy']);
  });
});
