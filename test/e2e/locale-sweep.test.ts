/**
 * No English left behind: the main pages, rendered in Chinese (Simplified) and Polish for a
 * program admin and for a partner, show no English text of the product — neither the web
 * app's strings nor the server's messages (checklist, problems). What people typed (taxonomy
 * values, organisation and offer names) is data and exempt. Also checks, on the way, that the
 * contacts template downloads with its legend in the user's language.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGES } from '../../packages/core/src/i18n/messages';
import { readCatalogue } from '../../packages/web/src/i18n/catalogue-files';
import {
  ApiSession,
  launchBrowser,
  screenshot,
  startServer,
  translator,
  type RunningServer,
} from './server';

type Locale = 'zh-CN' | 'pl-PL';

const ADMIN = {
  organisationName: 'Fabrikam Cloud',
  name: 'Ada Admin',
  email: 'ada@fabrikam.example',
  password: 'a long enough password',
};
const PASSWORD = 'partner password 123';

/** Every leaf string of a web catalogue, by dotted key. */
function webCatalogue(locale: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: Record<string, unknown>, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === 'string') out.set(prefix + key, value);
      else walk(value as Record<string, unknown>, `${prefix}${key}.`);
    }
  };
  walk(readCatalogue(locale), '');
  return out;
}

/**
 * The pieces of an English message between its placeholders and plural choices that are
 * long enough to be recognised (two words or more): "Nothing was imported from {{fileName}}."
 * gives "Nothing was imported from".
 */
function fragments(text: string): string[] {
  return text
    .split(/\{\{\s*\w+\s*\}\}|\{\w+, plural,(?:\s*[=\w]+\s*\{[^{}]*\})+\s*\}|\{\w+\}/)
    .map((piece) => piece.replace(/^[\s.,:;()…–—·"“”'’-]+|[\s.,:;()…–—·"“”'’-]+$/g, ''))
    .filter((piece) => piece.includes(' ') && piece.length >= 8);
}

/** English texts of the product that must not show in `locale`, with the key each comes from. */
function englishFragments(locale: Locale): { key: string; text: string }[] {
  const en = webCatalogue('en');
  const mine = webCatalogue(locale);
  const baseOf = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '');
  const translatedOf = (key: string) =>
    [...mine].filter(([k]) => baseOf(k) === baseOf(key)).map(([, text]) => text);
  const web = [...en].flatMap(([key, text]) => {
    const translated = translatedOf(key);
    return fragments(text)
      .filter((piece) => !translated.some((t) => t.includes(piece)))
      .map((piece) => ({ key: `web ${key}`, text: piece }));
  });
  const server = Object.entries(MESSAGES.en).flatMap(([key, text]) => {
    const translated = (MESSAGES[locale] as Record<string, string>)[key] ?? '';
    return fragments(text)
      .filter((piece) => !translated.includes(piece))
      .map((piece) => ({ key: `server ${key}`, text: piece }));
  });
  // A phrase the translation itself keeps in English somewhere (a product name such as
  // "Partner Center") is a term of that language too.
  const everything = [...mine.values(), ...Object.values(MESSAGES[locale])].join('\n');
  return [...web, ...server].filter(({ text }) => !everything.includes(text));
}

describe('pages in Chinese and Polish show no English text of the product', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  /** Texts people typed: exempt even when they happen to read like the product's English. */
  let data: string[];

  beforeAll(async () => {
    server = await startServer(5300 + Math.floor(Math.random() * 200));
    browser = await launchBrowser();
    admin = new ApiSession(server.url);
    await admin.send('POST', '/api/setup', ADMIN);
    const program = await admin.send<{ taxonomy: unknown }>('GET', '/api/program');
    data = [...JSON.stringify(program.taxonomy).matchAll(/"name":"([^"]+)"/g)].map((m) => m[1]!);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A partner organisation whose owner accepted in `locale`, with one offer. */
  async function seedPartner(locale: Locale) {
    const organisation = await admin.send<{ id: string }>('POST', '/api/organisations', {
      kind: 'partner',
      name: `Contoso ${locale}`,
    });
    const email = `owner-${locale.toLowerCase()}@contoso.example`;
    const invitation = await admin.send<{ url: string }>(
      'POST',
      `/api/organisations/${organisation.id}/invitations`,
      { email, roles: ['owner'] },
    );
    const partner = new ApiSession(server.url);
    await partner.send('POST', `/api/invitations/${invitation.url.split('/').pop()}/accept`, {
      name: `Owner ${locale}`,
      password: PASSWORD,
      locale,
    });
    const offer = await partner.send<{ id: string }>(
      'POST',
      `/api/organisations/${organisation.id}/offers`,
      {
        name: `Insights ${locale}`,
        alias: `insights-${locale.toLowerCase()}`,
        offerType: 'saas',
        markets: ['US', 'PL'],
      },
    );
    data.push(`Contoso ${locale}`, `Insights ${locale}`, `Owner ${locale}`);
    return { email, offerId: offer.id };
  }

  async function signIn(locale: Locale | 'en', email: string, password: string): Promise<Page> {
    const t = translator(locale);
    const context = await browser.newContext({
      locale,
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel(t('field.email'), { exact: true }).fill(email);
    await page.getByLabel(t('field.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('signIn.submit') }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(locale);
    return page;
  }

  /** Opens `route` and lists the product's English texts it shows. */
  async function englishOn(page: Page, locale: Locale, route: string): Promise<string[]> {
    await page.goto(`${server.url}${route}`);
    await page.waitForLoadState('networkidle');
    await page.locator('h1').first().waitFor();
    const text = await page.locator('body').innerText();
    await screenshot(page, `locale-${locale}-${route.replace(/[^\w]+/g, '-')}`);
    return englishFragments(locale)
      .filter(({ text: piece }) => text.includes(piece))
      .filter(({ text: piece }) => !data.some((typed) => typed.includes(piece)))
      .map(({ key, text: piece }) => `${route}: “${piece}” (${key})`);
  }

  it('would catch a page left in English', async () => {
    const pieces = englishFragments('zh-CN');
    expect(pieces.map(({ text }) => text)).toContain('Nothing was imported from');
    const page = await signIn('en', ADMIN.email, ADMIN.password);
    await page.goto(`${server.url}/program`);
    await page.waitForLoadState('networkidle');
    await page.locator('h1').first().waitFor();
    const text = await page.locator('body').innerText();
    expect(pieces.filter((piece) => text.includes(piece.text)).length).toBeGreaterThan(5);
    await page.context().close();
  });

  for (const locale of ['zh-CN', 'pl-PL'] as const) {
    it(`shows the admin's and the partner's main pages in ${locale} only`, async () => {
      const { email, offerId } = await seedPartner(locale);
      await admin.send('PATCH', '/api/me', { locale });

      const leftovers: string[] = [];
      const adminPage = await signIn(locale, ADMIN.email, ADMIN.password);
      for (const route of ['/program', '/review-queue', '/catalog', '/settings', '/account']) {
        leftovers.push(...(await englishOn(adminPage, locale, route)));
      }
      await adminPage.context().close();

      const partnerPage = await signIn(locale, email, PASSWORD);
      for (const route of ['/offers', '/settings', `/offers/${offerId}`]) {
        leftovers.push(...(await englishOn(partnerPage, locale, route)));
      }
      expect(leftovers).toEqual([]);

      // The contacts template speaks the user's language in its legend.
      const t = translator(locale);
      const [download] = await Promise.all([
        partnerPage.waitForEvent('download'),
        partnerPage.getByRole('link', { name: t('contacts.template') }).click(),
      ]);
      const template = readFileSync(await download.path(), 'utf8');
      expect(template).toContain(locale === 'zh-CN' ? '合作伙伴销售' : 'Sprzedaż partnera');
      await partnerPage.context().close();
    });
  }
});
