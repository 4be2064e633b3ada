import { useCallback, useSyncExternalStore } from 'react';

/** True while the CSS media query matches (re-renders when it starts or stops matching). */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', notify);
      return () => list.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** The breakpoint below which the navigation collapses into a drawer. */
export const NARROW_QUERY = '(max-width: 767px)';
