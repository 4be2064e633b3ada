import { afterEach, describe, expect, it, vi } from 'vitest';
import { PREFETCH_HEADER, prefetchingFetch } from './prefetch';

const url = 'http://localhost/api/program';

describe('prefetched reads', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('answers the page’s identical GET from the prefetch, once, without a second request', async () => {
    const network = vi.fn(async (request: Request) => {
      expect(request.headers.has(PREFETCH_HEADER)).toBe(false);
      return new Response(JSON.stringify({ n: network.mock.calls.length }));
    });
    vi.stubGlobal('fetch', network);
    const early = await prefetchingFetch(new Request(url, { headers: { [PREFETCH_HEADER]: '1' } }));
    expect(await early.json()).toEqual({ n: 1 });
    expect(await (await prefetchingFetch(new Request(url))).json()).toEqual({ n: 1 });
    expect(network).toHaveBeenCalledTimes(1);
    // Claimed once: the next read asks the server again.
    expect(await (await prefetchingFetch(new Request(url))).json()).toEqual({ n: 2 });
  });

  it('drops unclaimed prefetches when something is written', async () => {
    const network = vi.fn(async () => new Response(String(network.mock.calls.length)));
    vi.stubGlobal('fetch', network);
    await prefetchingFetch(new Request(url, { headers: { [PREFETCH_HEADER]: '1' } }));
    await prefetchingFetch(new Request('http://localhost/api/program/policy', { method: 'PUT' }));
    expect(await (await prefetchingFetch(new Request(url))).text()).toBe('3');
  });
});
