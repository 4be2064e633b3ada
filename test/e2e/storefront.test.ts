/**
 * A storefront offer page in Chromium, in English and in Polish, as a visitor who is not signed
 * in sees it on the demo program: a badge ticked right after typing a search is kept, the offer
 * page shows the description, publisher, badges and markets (never the co-sell tab's landing
 * page, which is for the vendor's sellers), "Contact me" names
 * what is missing in the visitor's language, and the back link returns to the same filters.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  accessibilityProblems,
  launchBrowser,
  screenshot,
  startServer,
  translator,
  type RunningServer,
} from './server';

describe('storefront offer page in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let offer: { offerId: string; name: string; publisherName: string; description: string };

  beforeAll(async () => {
    server = await startServer(5100 + Math.floor(Math.random() * 90), {}, { demo: true });
    browser = await launchBrowser();
    const live = (await (await fetch(`${server.url}/api/storefront/offers`)).json()) as {
      items: (typeof offer & { badges: string[] })[];
    };
    const withBadge = live.items.find((item) => item.badges.includes('azure-benefit-eligible'));
    if (!withBadge) throw new Error('the demo has no live offer with the Azure benefit badge');
    offer = withBadge;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const locale of ['en', 'pl-PL'] as const) {
    it(`shows an offer worth visiting and keeps the filters (${locale})`, async () => {
      const t = translator(locale);
      const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}/storefront`);
      await page.getByRole('heading', { level: 1, name: t('storefront.title') }).waitFor();

      // Type, then tick a badge before the search has reached the address: both stay.
      const word = offer.name.split(' ').at(-1)!;
      await page.getByTestId('storefront-search').fill(word);
      await page.getByLabel(t('storefront.badge.azureBenefitEligible')).check();
      await page.waitForURL((url) => url.searchParams.get('q') === word, { timeout: 5_000 });
      await page.waitForTimeout(500);
      const listUrl = new URL(page.url());
      expect(listUrl.searchParams.getAll('badge')).toEqual(['azure-benefit-eligible']);
      await expect
        .poll(() => page.getByLabel(t('storefront.badge.azureBenefitEligible')).isChecked())
        .toBe(true);

      await page.getByRole('link', { name: offer.name }).click();
      await page.getByRole('heading', { level: 1, name: offer.name }).waitFor();
      await expect
        .poll(() => page.getByTestId('storefront-description').textContent())
        .toBe(offer.description);
      const about = page.getByTestId(`storefront-offer-${offer.offerId}`);
      expect(await about.getByText(t('storefront.publisher'), { exact: true }).count()).toBe(1);
      expect(await about.getByText(offer.publisherName, { exact: true }).count()).toBe(1);
      expect(await about.getByRole('link', { name: /\.example/ }).count()).toBe(0);
      expect(await about.getByText(t('storefront.badge.azureBenefitEligible')).count()).toBe(1);

      // "Contact me" sent empty: every missing field is named, in the visitor's language.
      const contact = page.getByTestId('storefront-contact');
      await contact.getByRole('button', { name: t('storefront.contact.submit') }).click();
      for (const key of [
        'storefront.contact.nameRequired',
        'storefront.contact.emailRequired',
        'storefront.contact.companyRequired',
        'storefront.contact.countryRequired',
        'storefront.contact.messageRequired',
        'storefront.contact.consentRequired',
      ])
        await contact.getByText(t(key)).waitFor();
      await contact.getByLabel(t('storefront.contact.email')).fill('maria@');
      await contact.getByText(t('storefront.contact.emailInvalid')).waitFor();
      await contact.getByLabel(t('storefront.contact.name')).fill('Maria Nowak');
      expect(await contact.getByText(t('storefront.contact.nameRequired')).count()).toBe(0);
      await screenshot(page, `storefront-offer-${locale}`);
      expect(await accessibilityProblems(page)).toEqual([]);

      // Back to the list: the same search and badge.
      await page.getByRole('link', { name: t('storefront.back') }).click();
      await page.waitForURL((url) => url.pathname === '/storefront');
      const back = new URL(page.url());
      expect(back.searchParams.get('q')).toBe(word);
      expect(back.searchParams.getAll('badge')).toEqual(['azure-benefit-eligible']);
      expect(await page.getByTestId('storefront-search').inputValue()).toBe(word);
      expect(await page.getByLabel(t('storefront.badge.azureBenefitEligible')).isChecked()).toBe(
        true,
      );
      await page.getByRole('link', { name: offer.name }).waitFor();
      await context.close();
    }, 120_000);
  }
});
