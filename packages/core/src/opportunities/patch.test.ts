import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { applyAction, newOutboundReferral } from './lifecycle';
import { ReferralCreateSchema } from './opportunities.schemas';
import { applyReferralPatch } from './patch';

const T0 = new Date('2025-03-01T09:00:00.000Z');
const referral = newOutboundReferral(
  ReferralCreateSchema.parse({
    name: 'Contoso data platform',
    type: 'Independent',
    customerProfile: { name: 'Contoso', address: { country: 'US' } },
    consent: { consentToShareReferralWithMicrosoftSellers: true },
    details: {
      notes: 'Warehouse move.',
      dealValue: 50000,
      currency: 'USD',
      closingDateTime: '2025-09-30T00:00:00Z',
      requirements: { solutions: [{ id: 'sol-1', name: 'Lakehouse' }] },
    },
    team: [{ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@partner.example' }],
  }),
  { id: 'ref-1', engagementId: 'eng-1', organization: { id: 'org-p', name: 'Fabrikam' }, now: T0 },
);

const issuesOf = (patch: unknown) => {
  try {
    applyReferralPatch(referral, patch);
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    return (error as AppError).issues;
  }
  throw new Error('expected a validation error');
};

describe('JSON Patch of a referral', () => {
  it('replaces and adds writable fields on a copy, then an edit applies it', () => {
    const before = structuredClone(referral);
    const patched = applyReferralPatch(referral, [
      { op: 'replace', path: '/details/dealValue', value: 75000 },
      {
        op: 'add',
        path: '/team/-',
        value: { firstName: 'Bo', lastName: 'Ek', email: 'bo@p.example' },
      },
      { op: 'add', path: '/externalReferenceId', value: 'CRM-42' },
    ]);
    expect(referral).toEqual(before);
    expect(patched.details.dealValue).toBe(75000);
    expect(patched.team).toHaveLength(2);
    const { events } = applyAction(
      referral,
      { kind: 'update', next: patched },
      {
        userId: 'u',
        organisationId: 'org-p',
        organisationKind: 'partner',
        roles: ['referrals-user'],
      },
      T0,
    );
    expect(events[0]).toMatchObject({
      type: 'referral.updated',
      data: { fields: ['details/dealValue', 'externalReferenceId', 'team'] },
    });
  });

  it.each([
    ['remove', { op: 'remove', path: '/name' }, [0, 'op'], 'jsonPatch.op.notAllowed'],
    [
      'move',
      { op: 'move', from: '/name', path: '/statusReason' },
      [0, 'op'],
      'jsonPatch.op.notAllowed',
    ],
    ['test', { op: 'test', path: '/name', value: 'x' }, [0, 'op'], 'jsonPatch.op.notAllowed'],
    [
      'the status',
      { op: 'replace', path: '/status', value: 'Closed' },
      [0, 'path'],
      'referral.refused.readOnly',
    ],
    [
      'the customer',
      { op: 'replace', path: '/customerProfile/name', value: 'X' },
      [0, 'path'],
      'referral.refused.readOnly',
    ],
    [
      'the location',
      { op: 'add', path: '/locationId', value: 'loc-2' },
      [0, 'path'],
      'referral.refused.readOnly',
    ],
    [
      'an unknown field',
      { op: 'add', path: '/isAdmin', value: true },
      [0, 'path'],
      'jsonPatch.path.notAllowed',
    ],
    ['the root', { op: 'replace', path: '', value: {} }, [0, 'path'], 'jsonPatch.path.notAllowed'],
    ['a missing value', { op: 'replace', path: '/name' }, [0], 'jsonPatch.invalid'],
    [
      'a bad pointer',
      { op: 'replace', path: 'name', value: 'x' },
      [0, 'path'],
      'jsonPatch.invalid',
    ],
    [
      'a missing parent',
      { op: 'replace', path: '/inviteContextX/notes', value: 'x' },
      [0, 'path'],
      'jsonPatch.path.notAllowed',
    ],
  ])('refuses %s', (_name, operation, path, code) => {
    expect(issuesOf([operation])).toEqual([expect.objectContaining({ path, code })]);
  });

  it('refuses prototype pollution anywhere in a path and leaves Object.prototype alone', () => {
    for (const path of [
      '/__proto__/polluted',
      '/details/__proto__/polluted',
      '/team/0/constructor/prototype/polluted',
      '/details/constructor',
    ]) {
      expect(issuesOf([{ op: 'add', path, value: 'yes' }])[0]).toMatchObject({
        code: 'jsonPatch.path.notAllowed',
      });
    }
    // A value carrying __proto__ as an own key is data, and the strict schema refuses it.
    const value = JSON.parse('{"notes":"n","__proto__":{"polluted":"yes"}}');
    expect(issuesOf([{ op: 'replace', path: '/inviteContext', value }])).toBeDefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('re-validates the whole result and names the field', () => {
    expect(issuesOf([{ op: 'replace', path: '/details/currency', value: 'dollars' }])).toEqual([
      { path: ['details', 'currency'], code: 'referral.currency.invalid' },
    ]);
    expect(issuesOf([{ op: 'add', path: '/details/colour', value: 'red' }])).toEqual([
      expect.objectContaining({ path: ['details', 'colour'], code: 'issue.unknownField' }),
    ]);
    expect(issuesOf([{ op: 'replace', path: '/team/5/email', value: 'x@y.example' }])).toEqual([
      { path: [0, 'path'], code: 'jsonPatch.path.missing' },
    ]);
    expect(issuesOf({ op: 'replace' })).toEqual([{ path: [], code: 'jsonPatch.invalid' }]);
    expect(issuesOf([])).toEqual([{ path: [], code: 'jsonPatch.invalid' }]);
  });
});
