import { describe, expect, it } from 'vitest';
import { keepsListOpen, keepsListOpenOn } from './picker-open';

describe('a multi-select list while picking', () => {
  it('stays open after an option is clicked, or picked with Enter or Space', () => {
    expect(keepsListOpen({ type: 'click', onOption: true })).toBe(true);
    expect(keepsListOpen({ type: 'keydown', key: 'Enter', onOption: false })).toBe(true);
    expect(keepsListOpen({ type: 'keydown', key: ' ', onOption: false })).toBe(true);
  });

  it('closes on Escape, Tab, a click outside and a blur', () => {
    expect(keepsListOpen({ type: 'keydown', key: 'Escape', onOption: false })).toBe(false);
    expect(keepsListOpen({ type: 'keydown', key: 'Tab', onOption: false })).toBe(false);
    expect(keepsListOpen({ type: 'click', onOption: false })).toBe(false);
    expect(keepsListOpen({ type: 'blur', onOption: false })).toBe(false);
  });

  it('reads the key and whether the target is an option from the event', () => {
    const option = { closest: (selector: string) => (selector === '[role="option"]' ? {} : null) };
    const outside = { closest: () => null };
    expect(keepsListOpenOn({ type: 'click', target: option })).toBe(true);
    expect(keepsListOpenOn({ type: 'click', target: outside })).toBe(false);
    expect(keepsListOpenOn({ type: 'keydown', key: 'Escape', target: outside } as never)).toBe(
      false,
    );
    expect(keepsListOpenOn({ type: 'keydown', key: 'Enter', target: outside } as never)).toBe(true);
  });
});
