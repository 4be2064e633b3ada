/**
 * If-Match parsing (RFC 9110 §13.1.1, strong comparison) and the canonical body behind an
 * idempotency key's request hash: pure functions, no server.
 */
import { describe, expect, it } from 'vitest';
import { etagOf, parseIfMatch } from './concurrency';
import { canonicalJson } from './idempotency';

describe(parseIfMatch.name, () => {
  it('reads our strong tags, alone or in a list, and `*`', () => {
    expect(parseIfMatch(etagOf(3))).toEqual([3]);
    expect(parseIfMatch(' "v3" ')).toEqual([3]);
    expect(parseIfMatch('"v3","v4" , "v5"')).toEqual([3, 4, 5]);
    expect(parseIfMatch('*')).toBe('any');
    expect(parseIfMatch(undefined)).toBeUndefined();
  });

  it('never matches a weak tag: If-Match compares strongly', () => {
    expect(parseIfMatch('W/"v3"')).toEqual([]);
    expect(parseIfMatch('W/"v3", "v4"')).toEqual([4]);
  });

  it('matches nothing for tags we never issue or headers that do not parse', () => {
    for (const header of [
      '',
      'v3',
      '"3"',
      '"v"',
      '"v03"',
      '"v3',
      '"v3" "v4"',
      '"v3";',
      '*, "v3"',
      '"v2147483648"',
    ]) {
      expect(parseIfMatch(header), header).toEqual([]);
    }
    expect(parseIfMatch('"v2147483647"')).toEqual([2147483647]);
    // Commas may sit inside an opaque tag; it is still one (foreign) tag.
    expect(parseIfMatch('"a,b", "v1"')).toEqual([1]);
  });
});

describe(canonicalJson.name, () => {
  it('writes equal content identically, whatever the key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson('x')).toBe('"x"');
    expect(canonicalJson(null)).toBe('null');
  });
});
