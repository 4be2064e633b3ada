/**
 * Early reads (QUALITY W2): a page's data can be asked for as soon as the session is known,
 * while the page's code is still loading, instead of after the page first renders. A prefetched
 * GET is remembered by its URL for a few seconds; the page's own identical request then takes
 * that answer (once) instead of asking again. Anything else goes to the network as usual.
 */

/** A prefetched answer is handed out only this soon after it was asked for. */
const FRESH_MS = 10_000;

/** Marks a request as a prefetch for `prefetchingFetch` (removed before it is sent). */
export const PREFETCH_HEADER = 'x-cosell-prefetch';

interface Entry {
  response: Promise<Response>;
  at: number;
}

const early = new Map<string, Entry>();

/** The client's fetch: sends prefetches, and answers a page's GET from a fresh prefetch. */
export function prefetchingFetch(request: Request): Promise<Response> {
  if (request.method !== 'GET') {
    // A write may change what an unclaimed prefetch says.
    early.clear();
    return fetch(request);
  }
  if (request.headers.has(PREFETCH_HEADER)) {
    const headers = new Headers(request.headers);
    headers.delete(PREFETCH_HEADER);
    const response = fetch(new Request(request, { headers }));
    early.set(request.url, { response, at: Date.now() });
    // The prefetch's caller gets a copy; the page that asks next gets the original body.
    return response.then((r) => r.clone());
  }
  const hit = early.get(request.url);
  if (hit) {
    early.delete(request.url);
    if (Date.now() - hit.at <= FRESH_MS) return hit.response.catch(() => fetch(request));
  }
  return fetch(request);
}
