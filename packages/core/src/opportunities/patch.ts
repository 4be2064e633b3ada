/**
 * JSON Patch (RFC 6902) for `PATCH /referrals/{id}`, as the program's API takes it: only `replace`
 * and `add`; each path must start at a field a caller may write (the writable fields of the
 * replace schema, minus the read-only ones of SPEC §7.3); `__proto__`, `constructor` and
 * `prototype` are refused anywhere in a path. The patch applies to a copy, and the result must
 * still be a whole valid referral (the read schema) that the life-cycle rules accept as an edit.
 */
import { applyPatch, Pointer } from 'rfc6902';
import type { z } from 'zod';
import { AppError, type FieldIssue } from '../errors';
import { READ_ONLY_PATHS } from './lifecycle';
import { ReferralReplaceSchema, ReferralSchema } from './opportunities.schemas';
import type { Referral } from './opportunities.types';

export const MAX_PATCH_OPERATIONS = 100;

const FORBIDDEN_TOKENS = new Set(['__proto__', 'constructor', 'prototype']);

/** Top-level fields a patch may start at. */
export const PATCHABLE_FIELDS: readonly string[] = Object.keys(ReferralReplaceSchema.shape).filter(
  (field) => !(READ_ONLY_PATHS as readonly string[]).includes(field),
);

/** A zod issue as a field issue with a catalogue key. */
export function fieldIssueOf(
  issue: z.core.$ZodIssue,
  prefix: (string | number)[] = [],
): FieldIssue {
  const path = [...prefix, ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))];
  if (/^referral\.[A-Za-z]+\.[A-Za-z]+$/.test(issue.message)) return { path, code: issue.message };
  switch (issue.code) {
    case 'unrecognized_keys':
      return { path: [...path, issue.keys[0] ?? ''], code: 'issue.unknownField' };
    case 'invalid_type':
      return issue.input === undefined
        ? { path, code: 'issue.required' }
        : { path, code: 'issue.invalidType', params: { expected: issue.expected } };
    case 'too_small':
      return { path, code: 'issue.tooSmall', params: { minimum: Number(issue.minimum) } };
    case 'too_big':
      return { path, code: 'issue.tooBig', params: { maximum: Number(issue.maximum) } };
    case 'invalid_value':
      return { path, code: 'issue.invalidOption' };
    default:
      return { path, code: 'issue.invalid' };
  }
}

const refuse = (issues: FieldIssue[]) =>
  new AppError('VALIDATION', { message: 'invalid JSON Patch', issues });

/**
 * Applies `patch` (the parsed request body, unknown) to a copy of `current`. Returns the patched
 * referral, valid against the read schema; the caller still runs the `update` action, which
 * checks the life-cycle rules (read-only fields, visibility, stages) and emits the event.
 */
export function applyReferralPatch(current: Referral, patch: unknown): Referral {
  if (!Array.isArray(patch) || patch.length === 0 || patch.length > MAX_PATCH_OPERATIONS) {
    throw refuse([{ path: [], code: 'jsonPatch.invalid' }]);
  }
  const operations: { op: 'add' | 'replace'; path: string; value: unknown }[] = [];
  const issues: FieldIssue[] = [];
  patch.forEach((operation: unknown, index) => {
    if (!operation || typeof operation !== 'object' || Array.isArray(operation)) {
      issues.push({ path: [index], code: 'jsonPatch.invalid' });
      return;
    }
    const { op, path, value } = operation as Record<string, unknown>;
    if (op !== 'replace' && op !== 'add') {
      issues.push({ path: [index, 'op'], code: 'jsonPatch.op.notAllowed' });
      return;
    }
    if (typeof path !== 'string' || !Object.hasOwn(operation, 'value')) {
      issues.push({ path: [index], code: 'jsonPatch.invalid' });
      return;
    }
    let tokens: string[];
    try {
      tokens = Pointer.fromJSON(path).tokens.slice(1);
    } catch {
      issues.push({ path: [index, 'path'], code: 'jsonPatch.invalid' });
      return;
    }
    const [field] = tokens;
    if (field === undefined || tokens.some((token) => FORBIDDEN_TOKENS.has(token))) {
      issues.push({ path: [index, 'path'], code: 'jsonPatch.path.notAllowed' });
      return;
    }
    if ((READ_ONLY_PATHS as readonly string[]).includes(field)) {
      issues.push({ path: [index, 'path'], code: 'referral.refused.readOnly' });
      return;
    }
    if (!PATCHABLE_FIELDS.includes(field)) {
      issues.push({ path: [index, 'path'], code: 'jsonPatch.path.notAllowed' });
      return;
    }
    operations.push({ op, path, value: structuredClone(value) });
  });
  if (issues.length > 0) throw refuse(issues);

  const copy = structuredClone(current);
  const results = applyPatch(copy, operations);
  const failed = results.findIndex((result) => result !== null);
  if (failed >= 0) throw refuse([{ path: [failed, 'path'], code: 'jsonPatch.path.missing' }]);

  const parsed = ReferralSchema.safeParse(copy);
  if (!parsed.success) throw refuse(parsed.error.issues.map((issue) => fieldIssueOf(issue)));
  return parsed.data as Referral;
}
