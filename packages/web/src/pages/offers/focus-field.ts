/**
 * Takes the user to a form field by its element id (the co-sell checklist's links): scrolls it
 * into view and focuses it, or the first control inside it.
 */
const FOCUSABLE =
  'input:not([type="hidden"]):not([disabled]), button:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"]), a[href]';

export function focusField(id: string): boolean {
  const element = document.getElementById(id);
  if (!element) return false;
  element.scrollIntoView({ block: 'center' });
  const target = element.matches(FOCUSABLE)
    ? element
    : (element.querySelector<HTMLElement>(FOCUSABLE) ?? element);
  if (target === element && !element.matches(FOCUSABLE)) element.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  return true;
}
