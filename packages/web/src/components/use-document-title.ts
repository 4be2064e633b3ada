import { useEffect } from 'react';

/** Names the page in the browser tab (and for screen readers announcing the page). */
export function useDocumentTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · cosell` : 'cosell';
  }, [title]);
}
