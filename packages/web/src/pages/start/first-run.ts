/**
 * The first-run checklist of a program admin: what an empty installation still needs before
 * partners can work, each step done or not, derived from what the server already says.
 */
export type FirstRunStepId = 'partner' | 'invite' | 'taxonomy' | 'policy' | 'contact';

export interface FirstRunFacts {
  /** How many partner organisations exist. */
  partners: number;
  /** Some partner organisation has a member or an open invitation. */
  ownerInvited: boolean;
  /** The taxonomy was saved by someone (it is no longer the seeded sample). */
  taxonomySaved: boolean;
  /** A program admin chose or kept the active policy. */
  policyChosen: boolean;
  /** The program has a contact address for partners. */
  contactSet: boolean;
}

export interface FirstRunStep {
  id: FirstRunStepId;
  done: boolean;
  /** Where the step is done in the app. */
  path: string;
}

export function firstRunSteps(facts: FirstRunFacts): FirstRunStep[] {
  return [
    {
      id: 'partner',
      done: facts.partners > 0,
      path: '/program?section=organisations&create=partner',
    },
    {
      id: 'invite',
      done: facts.ownerInvited,
      path: '/program?section=organisations',
    },
    { id: 'taxonomy', done: facts.taxonomySaved, path: '/program?section=taxonomy' },
    { id: 'policy', done: facts.policyChosen, path: '/program?section=policy' },
    { id: 'contact', done: facts.contactSet, path: '/program?section=contact' },
  ];
}
