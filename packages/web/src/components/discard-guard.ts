/**
 * When closing a form dialog asks first: typed data is never lost to a stray Escape, a click
 * outside or Cancel. The comparison behind "the form holds changes".
 */

/** Values that mean "nothing typed": whitespace, null and undefined, an empty list. */
const blank = (value: unknown) =>
  value === undefined ||
  value === null ||
  (typeof value === 'string' && value.trim() === '') ||
  (Array.isArray(value) && value.length === 0);

/**
 * True when `current` differs from `initial` in anything the user typed or chose: nested
 * objects and lists compared by value, key order ignored, and blank values (see `blank`)
 * equal to each other, so typing a space and deleting it again leaves the form unchanged.
 */
export function hasChanges(initial: unknown, current: unknown): boolean {
  if (blank(initial) && blank(current)) return false;
  if (Object.is(initial, current)) return false;
  if (typeof initial === 'string' && typeof current === 'string') {
    return initial.trim() !== current.trim();
  }
  if (Array.isArray(initial) || Array.isArray(current)) {
    if (!Array.isArray(initial) || !Array.isArray(current)) return true;
    if (initial.length !== current.length) return true;
    return initial.some((item, index) => hasChanges(item, current[index]));
  }
  if (
    typeof initial === 'object' &&
    typeof current === 'object' &&
    initial !== null &&
    current !== null
  ) {
    const a = initial as Record<string, unknown>;
    const b = current as Record<string, unknown>;
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].some((key) => hasChanges(a[key], b[key]));
  }
  return true;
}

/** What a request to close the dialog does: close at once, or ask whether to discard. */
export function onCloseRequest(dirty: boolean): 'close' | 'ask' {
  return dirty ? 'ask' : 'close';
}
