/**
 * Whether a multi-select list stays open when its picker asks to close it. Fluent's TagPicker
 * closes the list after every pick (a click on an option, Enter or Space in the input); a
 * multi-select keeps it open so several values can be picked in a row. Escape, Tab, a click
 * outside (blur) and everything else still close it.
 */
export function keepsListOpen(event: {
  type: string;
  key?: string | undefined;
  /** True when the event happened on an option of the list. */
  onOption: boolean;
}): boolean {
  if (event.type === 'click') return event.onOption;
  if (event.type === 'keydown') return event.key === 'Enter' || event.key === ' ';
  return false;
}

/** `keepsListOpen` of a DOM event (as the picker's open-change callback receives it). */
export function keepsListOpenOn(event: Event | { type: string; target?: unknown }): boolean {
  const target = event.target as { closest?: (selector: string) => unknown } | null | undefined;
  return keepsListOpen({
    type: event.type,
    key: 'key' in event ? (event as KeyboardEvent).key : undefined,
    onOption: Boolean(target?.closest?.('[role="option"]')),
  });
}
