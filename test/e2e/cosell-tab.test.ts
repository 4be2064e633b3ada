/**
 * The co-sell tab journey in Chromium, once in English and once in Swedish: a partner creates
 * an offer, fills the listing and landing page, uploads a one-pager and a pitch deck, downloads
 * the contacts template, imports contacts (a refused file first, then a good one, comma- or
 * semicolon-separated like the local Excel writes it), saves the draft and finds everything
 * again after a reload; a save over someone else's change meets 412 and offers Reload. Axe
 * runs on the offers list and the co-sell tab, and the tab is checked at 320 px.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePptx } from '../helpers/files';
import {
  accessibilityProblems,
  ApiSession,
  launchBrowser,
  screenshot,
  startServer,
  translator,
  type RunningServer,
} from './server';

type Locale = 'en' | 'sv-SE';

const ADMIN = {
  organisationName: 'Microsoft',
  name: 'Ada Admin',
  email: 'ada@microsoft.example',
  password: 'a long enough password',
};
const PASSWORD = 'partner password 123';

interface Taxonomy {
  platforms: { id: string; name: string }[];
  segments: { id: string; name: string }[];
  solutionAreas: { id: string; name: string; subAreas: { id: string; name: string }[] }[];
}

/** Pages scroll sideways when something sticks out of the viewport. */
async function sidewaysOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const limit = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= limit) return [];
    return [...document.querySelectorAll('body *')]
      .filter((el) => el.getBoundingClientRect().right > limit + 0.5)
      .slice(0, 3)
      .map(
        (el) =>
          `${el.outerHTML.slice(0, 200)} right=${Math.round(el.getBoundingClientRect().right)}`,
      );
  });
}

describe('co-sell tab journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let taxonomy: Taxonomy;

  beforeAll(async () => {
    server = await startServer(5100 + Math.floor(Math.random() * 200));
    browser = await launchBrowser();
    admin = new ApiSession(server.url);
    await admin.send('POST', '/api/setup', ADMIN);
    taxonomy = (await admin.send<{ taxonomy: Taxonomy }>('GET', '/api/program')).taxonomy;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A partner organisation whose owner accepted their invitation in `locale`. */
  async function seedPartner(locale: Locale) {
    const tag = locale === 'en' ? 'en' : 'sv';
    const organisation = await admin.send<{ id: string }>('POST', '/api/organisations', {
      kind: 'partner',
      name: `Contoso ${tag}`,
    });
    const email = `owner-${tag}@contoso.example`;
    const invitation = await admin.send<{ url: string }>(
      'POST',
      `/api/organisations/${organisation.id}/invitations`,
      { email, roles: ['owner'] },
    );
    const partner = new ApiSession(server.url);
    await partner.send('POST', `/api/invitations/${invitation.url.split('/').pop()}/accept`, {
      name: locale === 'en' ? 'Olivia Owner' : 'Olle Ägare',
      password: PASSWORD,
      locale,
    });
    return { organisationId: organisation.id, email, partner };
  }

  for (const locale of ['en', 'sv-SE'] as const) {
    it(`creates an offer and completes its co-sell tab (${locale})`, async () => {
      const t = translator(locale);
      const shot = (page: Page, name: string) => screenshot(page, `cosell-${locale}-${name}`);
      const region = new Intl.DisplayNames([locale], { type: 'region' });
      const { organisationId, email, partner } = await seedPartner(locale);

      const context = await browser.newContext({
        locale,
        viewport: { width: 1280, height: 900 },
        acceptDownloads: true,
      });
      const page = await context.newPage();

      // Sign in: a partner lands on the offers page, empty for now.
      await page.goto(`${server.url}/sign-in`);
      await page.getByLabel(t('field.email'), { exact: true }).fill(email);
      await page.getByLabel(t('field.password'), { exact: true }).fill(PASSWORD);
      await page.getByRole('button', { name: t('signIn.submit') }).click();
      await page.waitForURL(/\/offers$/);
      await page.getByRole('heading', { name: t('offers.emptyTitle') }).waitFor();
      await shot(page, '01-offers-empty');

      // New offer: every field; choosing the Office add-in type warns, SaaS does not.
      await page
        .getByRole('button', { name: t('offers.new') })
        .first()
        .click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel(t('offerForm.name'), { exact: true }).fill('Contoso Insights');
      await dialog.getByLabel(t('offerForm.alias'), { exact: true }).fill(`insights-${locale}`);
      await dialog.getByLabel(t('offerForm.offerType'), { exact: true }).click();
      await page.getByRole('option', { name: t('offerType.office-add-in'), exact: true }).click();
      await dialog.getByText(t('offerForm.officeAddInTitle')).waitFor();
      await dialog.getByLabel(t('offerForm.offerType'), { exact: true }).click();
      await page.getByRole('option', { name: t('offerType.saas'), exact: true }).click();
      expect(await dialog.getByText(t('offerForm.officeAddInTitle')).count()).toBe(0);
      await dialog.getByLabel(t('offerForm.summary'), { exact: true }).fill('Analytics for retail');
      const markets = dialog.getByLabel(t('offerForm.markets'), { exact: true });
      // The list stays open while several markets are picked in a row; Escape closes it.
      const marketList = page.getByRole('listbox', { name: t('offerForm.markets'), exact: true });
      await markets.click();
      for (const code of ['US', 'SE']) {
        const name = region.of(code)!;
        await markets.fill(name);
        await page.getByRole('option', { name, exact: true }).click();
        await marketList.waitFor();
      }
      await page.keyboard.press('Escape');
      await expect.poll(() => marketList.count()).toBe(0);
      expect(await page.getByTestId('discard-prompt').count()).toBe(0);
      await dialog.getByRole('switch', { name: t('offerForm.transactable') }).check();
      await dialog.getByRole('switch', { name: t('offerForm.pricedAboveZero') }).check();
      await shot(page, '02-new-offer');
      await dialog.getByRole('button', { name: t('offers.createSubmit') }).click();
      await page.waitForURL(/\/offers\/[0-9a-f-]{36}$/);
      const offerId = page.url().split('/').pop()!;
      const tabUrl = `/api/organisations/${organisationId}/offers/${offerId}/cosell`;
      const tab = await partner.send<{
        policy: { maxSolutionAreas: number; segmentsField: boolean; subAreaTerm: string };
      }>('GET', tabUrl);

      // The co-sell tab is the default one, with the checklist of what is missing.
      await page.getByRole('tab', { name: t('offer.cosellTab'), selected: true }).waitFor();
      const checklist = page.getByTestId('cosell-checklist');
      await checklist.getByRole('heading', { name: t('checklist.title') }).waitFor();

      // An unmet requirement is a link to the field that fixes it (the platforms come first).
      await checklist.getByRole('button').first().click();
      await expect
        .poll(() => page.evaluate(() => document.activeElement?.id))
        .toBe('listing-platforms');
      await page.keyboard.press('Escape');

      // Listing: platform, segment, solution type, one solution area with a sub-area.
      const platform = taxonomy.platforms[0]!;
      const segment = taxonomy.segments[0];
      const area = taxonomy.solutionAreas[0]!;
      const subArea = area.subAreas[0]!;
      const pick = async (label: string, option: string) => {
        await page.getByRole('combobox', { name: label, exact: true }).click();
        await page.getByRole('option', { name: option, exact: true }).click();
        await page.keyboard.press('Escape');
      };
      await pick(t('listing.platforms'), platform.name);
      if (tab.policy.segmentsField && segment) await pick(t('listing.segments'), segment.name);
      await page.getByRole('radio', { name: t('solutionType.ip'), exact: true }).check();
      await page
        .getByRole('button', { name: t('listing.addArea', { max: tab.policy.maxSolutionAreas }) })
        .click();
      await page.getByLabel(t('listing.solutionAreaN', { index: 1 }), { exact: true }).click();
      await page.getByRole('option', { name: area.name, exact: true }).click();
      const subLabel =
        tab.policy.subAreaTerm === 'sales play'
          ? t('listing.salesPlaysOf', { index: 1 })
          : t('listing.subAreasOf', { index: 1 });
      await pick(subLabel, subArea.name);
      // The server refuses a landing page that is not a public http(s) address, under the field.
      const landing = page.getByLabel(t('landingPage.label'), { exact: true });
      await landing.fill('ftp://contoso.example/insights');
      await page.getByText(t('landingPage.invalidHint')).waitFor();
      await page.getByRole('button', { name: t('cosell.saveDraft') }).click();
      await expect.poll(() => landing.getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByText(t('landingPage.invalidHint')).count()).toBe(0);
      await landing.fill('https://contoso.example/insights');
      await page.getByText(t('cosell.unsaved'), { exact: true }).waitFor();
      await page.getByRole('button', { name: t('cosell.saveDraft') }).click();
      await page.getByText(t('cosell.saved'), { exact: true }).first().waitFor();
      await page.getByText(t('cosell.allSaved'), { exact: true }).waitFor();

      // Documents: a one-pager (pdf) and a pitch deck (pptx) through "browse".
      const upload = async (kind: string, name: string, mimeType: string, buffer: Buffer) => {
        const [chooser] = await Promise.all([
          page.waitForEvent('filechooser'),
          page
            .getByRole('button', {
              name: t('documents.browseFor', { kind: t(`documentKind.${kind}`) }),
            })
            .click(),
        ]);
        await chooser.setFiles({ name, mimeType, buffer });
        await page.getByRole('link', { name, exact: true }).waitFor();
      };
      await upload('one-pager', 'one-pager.pdf', 'application/pdf', samplePdf());
      await upload(
        'pitch-deck',
        'pitch-deck.pptx',
        'application/vnd.openxmlformats-officedocument.presentationml.presentation',
        samplePptx(),
      );

      // Contacts: the template, a refused file listing its bad rows, then a good file.
      const [template] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t('contacts.template') }).click(),
      ]);
      const header = readFileSync(await template.path(), 'utf8').replace(/^\ufeff/, '');
      expect(header.split(/\r?\n/)[0]).toContain('Countries/Regions');

      const separator = locale === 'sv-SE' ? ';' : ',';
      const csv = (rows: string[][]) =>
        Buffer.from(
          [
            header.split(/\r?\n/)[0]!.split(',').join(separator),
            ...rows.map((r) => r.join(separator)),
          ]
            .join('\r\n')
            .concat('\r\n'),
        );
      // Countries by name and code, roles in the user's language. Swedish Excel leaves
      // "USA, Sverige" unquoted in a semicolon file; English Excel quotes "United States, SE".
      const countries = locale === 'sv-SE' ? 'USA, Sverige' : '"United States, SE"';
      const marketing = locale === 'sv-SE' ? 'Partnermarknadsföring' : 'Partner marketing';
      const importCsv = async (buffer: Buffer) => {
        const [chooser] = await Promise.all([
          page.waitForEvent('filechooser'),
          page.getByRole('button', { name: t('contacts.import') }).click(),
        ]);
        await chooser.setFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer });
      };
      await importCsv(
        csv([
          ['Ann Berg', 'not-an-address', 'Sales lead', 'Partner sales', 'US', ''],
          ['Bo Ek', 'bo@contoso.example', 'Marketing', 'Partner sales', 'XX', ''],
        ]),
      );
      const refused = page.getByRole('dialog');
      await refused.getByText(t('contactImport.refusedTitle')).waitFor();
      // "Nothing was imported" is said once, and the count of rows to correct is in the
      // language's plural form.
      const nothingImported = t('contactImport.nothingImported')
        .split(' från')[0]!
        .split(' from')[0]!;
      const refusedText = await refused.innerText();
      expect(refusedText.split(nothingImported), nothingImported).toHaveLength(2);
      expect(refusedText).toContain(
        locale === 'sv-SE' ? '2 rader behöver rättas' : '2 rows need correcting',
      );
      const problems = refused.getByRole('table', { name: t('contactImport.problems') });
      expect(await problems.getByRole('row').count()).toBeGreaterThanOrEqual(3);
      await shot(page, '03-import-refused');
      await refused.getByRole('button', { name: t('common.close') }).click();

      await importCsv(
        csv([
          ['Ann Berg', 'ann@contoso.example', 'Sales lead', 'Partner sales', countries, 'US-WA'],
          ['Bo Ek', 'bo@contoso.example', 'Marketing', marketing, 'SE', ''],
        ]),
      );
      const preview = page.getByRole('dialog', { name: t('contactImport.previewTitle') });
      await preview.getByText(t('contactImport.replacesTitle')).waitFor();
      expect(await preview.getByTestId('import-added').innerText()).toContain('2');
      await shot(page, '04-import-preview');
      await preview.getByRole('button', { name: t('contactImport.confirm') }).click();
      await page
        .getByText(t('contactImport.applied', { added: 2, changed: 0, removed: 0 }), {
          exact: true,
        })
        .waitFor();
      const contacts = page.getByTestId('contacts-section');
      await contacts.getByText('Ann Berg', { exact: true }).waitFor();
      await contacts.getByRole('button', { name: t('contactImport.undoLast') }).waitFor();

      // Everything required is there: the checklist says so.
      await checklist.getByText(t('checklist.ready')).waitFor();
      await shot(page, '05-cosell-complete');
      expect(await accessibilityProblems(page), 'co-sell tab').toEqual([]);

      // A reload finds every value again.
      await page.reload();
      await checklist.getByText(t('checklist.ready')).waitFor();
      const listing = page.getByTestId('listing-section');
      await listing.getByText(platform.name, { exact: true }).first().waitFor();
      await listing.getByText(subArea.name, { exact: true }).first().waitFor();
      expect(
        await page.getByRole('radio', { name: t('solutionType.ip'), exact: true }).isChecked(),
      ).toBe(true);
      expect(
        await page
          .getByLabel(t('listing.solutionAreaN', { index: 1 }), { exact: true })
          .innerText(),
      ).toContain(area.name);
      expect(await page.getByLabel(t('landingPage.label'), { exact: true }).inputValue()).toBe(
        'https://contoso.example/insights',
      );
      await page.getByRole('link', { name: 'one-pager.pdf', exact: true }).waitFor();
      await page.getByRole('link', { name: 'pitch-deck.pptx', exact: true }).waitFor();
      await contacts.getByText('Bo Ek', { exact: true }).waitFor();
      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: t('contacts.export') }).click(),
      ]);
      expect(readFileSync(await exported.path(), 'utf8')).toContain('ann@contoso.example');

      // A stale save: someone changes the draft behind the page's back.
      await page
        .getByLabel(t('landingPage.label'), { exact: true })
        .fill('https://contoso.example/mine');
      const session = (await (await page.request.get(`${server.url}/api/session`)).json()) as {
        csrfToken: string;
      };
      const current = await page.request.get(`${server.url}${tabUrl}`);
      const draft = ((await current.json()) as { draft: { listing: unknown } }).draft;
      const theirs = await page.request.put(`${server.url}${tabUrl}`, {
        headers: {
          'if-match': current.headers().etag!,
          'x-csrf-token': session.csrfToken,
        },
        data: { listing: draft.listing, landingPageUrl: 'https://contoso.example/theirs' },
      });
      expect(theirs.status()).toBe(200);
      await page.getByRole('button', { name: t('cosell.saveDraft') }).click();
      await page.getByText(t('cosell.staleTitle')).waitFor();
      await shot(page, '06-stale-save');
      await page.getByTestId('cosell-reload').click();
      await page.getByRole('button', { name: t('cosell.reloadConfirm') }).click();
      await expect
        .poll(() => page.getByLabel(t('landingPage.label'), { exact: true }).inputValue())
        .toBe('https://contoso.example/theirs');

      // An Office add-in can be created, and its page says it can never be co-sold.
      const addIn = await partner.send<{ id: string }>(
        'POST',
        `/api/organisations/${organisationId}/offers`,
        { name: 'Contoso for Outlook', alias: `outlook-${locale}`, offerType: 'office-add-in' },
      );
      await page.goto(`${server.url}/offers/${addIn.id}`);
      await page.getByText(t('offer.notEligibleTitle')).waitFor();

      // The offers list: both offers, sortable by name; no serious accessibility problem.
      await page.goto(`${server.url}/offers`);
      const table = page.getByRole('table', { name: t('offers.listTitle') });
      await table.getByRole('link', { name: 'Contoso Insights' }).waitFor();
      await table.getByRole('link', { name: 'Contoso for Outlook' }).waitFor();
      await table
        .getByRole('columnheader', { name: t('offers.name') })
        .getByRole('button')
        .click();
      await page.waitForURL(/sort=name/);
      await expect
        .poll(async () => (await table.getByRole('link').allInnerTexts())[0])
        .toBe('Contoso for Outlook');
      await shot(page, '07-offers-list');
      expect(await accessibilityProblems(page), 'offers list').toEqual([]);

      // 320 px: the co-sell tab stacks (checklist first) and never scrolls sideways.
      const narrow = await browser.newContext({ locale, viewport: { width: 320, height: 800 } });
      await narrow.addCookies(await context.cookies());
      const small = await narrow.newPage();
      await small.goto(`${server.url}/offers/${offerId}`);
      await small.getByTestId('cosell-checklist').waitFor();
      await small.getByTestId('contacts-section').getByText('Ann Berg').waitFor();
      expect(await sidewaysOverflow(small), 'co-sell tab at 320 px').toEqual([]);
      await shot(small, '08-cosell-320px');
      await small.goto(`${server.url}/offers`);
      await small.getByRole('link', { name: 'Contoso Insights' }).waitFor();
      expect(await sidewaysOverflow(small), 'offers list at 320 px').toEqual([]);
      await shot(small, '09-offers-320px');

      await Promise.all([narrow.close(), context.close()]);
    });
  }
});
