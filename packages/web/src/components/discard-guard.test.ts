import { describe, expect, it } from 'vitest';
import { hasChanges, onCloseRequest } from './discard-guard';

describe('closing a form dialog', () => {
  it('closes a clean form at once and asks before discarding a dirty one', () => {
    expect(onCloseRequest(false)).toBe('close');
    expect(onCloseRequest(true)).toBe('ask');
  });

  it('sees typed text, a changed choice and a changed list as changes', () => {
    expect(hasChanges({ email: '' }, { email: 'a@b.test' })).toBe(true);
    expect(hasChanges({ roles: ['owner'] }, { roles: ['owner', 'sales'] })).toBe(true);
    expect(hasChanges({ roles: ['owner'] }, { roles: ['sales'] })).toBe(true);
    expect(hasChanges({ kind: 'partner' }, { kind: 'reseller' })).toBe(true);
    expect(hasChanges({ a: { b: 1 } }, { a: { b: 2 } })).toBe(true);
    expect(hasChanges({ on: false }, { on: true })).toBe(true);
  });

  it('sees nothing typed, whitespace and a change undone as no change', () => {
    expect(hasChanges({ email: '', roles: [] }, { email: '', roles: [] })).toBe(false);
    expect(hasChanges({ email: '' }, { email: '   ' })).toBe(false);
    expect(hasChanges({ note: undefined }, { note: '' })).toBe(false);
    expect(hasChanges({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(false);
    expect(hasChanges({ name: 'Ada' }, { name: 'Ada ' })).toBe(false);
    expect(hasChanges({ list: null }, { list: [] })).toBe(false);
  });
});
