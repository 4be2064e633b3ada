/**
 * The script the build writes (route-preload-plugin.ts) runs before the app's entry, with no
 * module system: for a signed-in route it adds one modulepreload link per chunk file the route
 * needs, and for any other address (sign-in, the storefront) nothing, so the sign-in route's
 * weight (W1) does not grow.
 */
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { preloadScript } from '../route-preload-plugin';
import { SIGNED_IN_ROUTES } from './route-table';

const routes = SIGNED_IN_ROUTES.map(({ pattern, source }) => ({
  pattern,
  files: [`assets/${source.split('/').pop()}.js`, 'assets/app-shell.js'],
}));

/** The links the script adds when the browser is at `pathname`. */
function linksAt(pathname: string) {
  const links: { rel: string; href: string }[] = [];
  const document = {
    createElement: () => ({ rel: '', href: '' }),
    head: { appendChild: (link: { rel: string; href: string }) => links.push(link) },
  };
  vm.runInNewContext(preloadScript(routes, '/'), { document, location: { pathname } });
  return links;
}

describe('the route preload script', () => {
  it("adds a modulepreload link for each of a signed-in route's files", () => {
    expect(linksAt('/offers/2ea04168-0adf-43da-8d51-e87384157b00')).toEqual([
      { rel: 'modulepreload', href: '/assets/offers-area.js' },
      { rel: 'modulepreload', href: '/assets/app-shell.js' },
    ]);
    expect(linksAt('/opportunities/new').map((l) => l.href)).toContain(
      '/assets/opportunities-area.js',
    );
  });

  it('adds nothing on public pages', () => {
    expect(linksAt('/sign-in')).toEqual([]);
    expect(linksAt('/storefront/offers/x')).toEqual([]);
    expect(linksAt('/')).toEqual([]);
  });
});
