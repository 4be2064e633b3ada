import { useEffect, type ReactNode } from 'react';
import { useSearchParams } from 'react-router';

const anchorId = (section: string) => `section-${section}`;

/**
 * Wraps one section of a page so that `?section=<id>` (e.g. `/settings?section=profile`)
 * scrolls to it. The sections stay stacked on the page; the link only brings one into view.
 */
export function SectionAnchor({ id, children }: { id: string; children: ReactNode }) {
  return (
    <div id={anchorId(id)} style={{ scrollMarginTop: '64px' }}>
      {children}
    </div>
  );
}

/** Scrolls to the section named by `?section=` once it is on the page, and moves focus to its heading. */
export function useSectionParam() {
  const [params] = useSearchParams();
  const section = params.get('section');
  useEffect(() => {
    if (!section) return;
    const element = document.getElementById(anchorId(section));
    if (!element) return;
    element.scrollIntoView({ block: 'start' });
    const heading = element.querySelector<HTMLElement>('h2');
    if (heading) {
      // Screen readers start reading there; the heading needs no focus ring of its own.
      heading.tabIndex = -1;
      heading.style.outline = 'none';
      heading.focus({ preventScroll: true });
    }
    // Sections above it grow as their data arrives; bring it back into view once they have.
    const again = window.setTimeout(() => element.scrollIntoView({ block: 'start' }), 600);
    return () => window.clearTimeout(again);
  }, [section]);
}
