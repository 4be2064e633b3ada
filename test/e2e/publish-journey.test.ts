/**
 * From draft to a badge on the storefront, in Chromium: a partner publishes a completed offer,
 * a vendor reviewer approves it from the review queue, the partner selects Go live, enters the
 * program profile and the status becomes Co-sell ready; the program's revenue figures raise it
 * to Azure IP co-sell; the program admin moves the clock 30 days and the public storefront
 * shows the Microsoft Preferred Solution badge. Axe runs on each new page; the storefront is
 * also checked in Chinese and at 320 px.
 */
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

const ADMIN = {
  organisationName: 'Microsoft',
  name: 'Ada Admin',
  email: 'ada@microsoft.example',
  password: 'a long enough password',
};
const PASSWORD = 'partner password 123';
const t = translator('en');

interface Taxonomy {
  platforms: { id: string }[];
  segments: { id: string }[];
  solutionAreas: { id: string; subAreas: { id: string }[] }[];
}

describe('publish journey in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const admin = () => new ApiSession(server.url);
  let adminApi: ApiSession;
  let partnerApi: ApiSession;
  let organisationId: string;
  let offerId: string;

  /** Invites `email` into the organisation with `roles` and accepts, returning a session. */
  async function person(orgId: string, email: string, roles: string[], name: string) {
    const invitation = await adminApi.send<{ url: string }>(
      'POST',
      `/api/organisations/${orgId}/invitations`,
      { email, roles },
    );
    const session = new ApiSession(server.url);
    await session.send('POST', `/api/invitations/${invitation.url.split('/').pop()}/accept`, {
      name,
      password: PASSWORD,
      locale: 'en',
    });
    return session;
  }

  async function signIn(page: Page, email: string, password = PASSWORD) {
    await page.goto(`${server.url}/sign-in`);
    await page.getByLabel(t('field.email'), { exact: true }).fill(email);
    await page.getByLabel(t('field.password'), { exact: true }).fill(password);
    await page.getByRole('button', { name: t('signIn.submit') }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  const newPage = async (locale = 'en', width = 1280) =>
    (await browser.newContext({ locale, viewport: { width, height: 900 } })).newPage();

  async function expectAccessible(page: Page, what: string) {
    expect(await accessibilityProblems(page), what).toEqual([]);
  }

  beforeAll(async () => {
    server = await startServer(5300 + Math.floor(Math.random() * 200), { CLOCK_CONTROL: 'on' });
    browser = await launchBrowser();
    adminApi = admin();
    await adminApi.send('POST', '/api/setup', ADMIN);
    const vendor = await adminApi.send<{ memberships: { organisation: { id: string } }[] }>(
      'GET',
      '/api/session',
    );
    const vendorId = vendor.memberships[0]!.organisation.id;
    await person(vendorId, 'riley@microsoft.example', ['reviewer'], 'Riley Reviewer');
    organisationId = (
      await adminApi.send<{ id: string }>('POST', '/api/organisations', {
        kind: 'partner',
        name: 'Contoso',
      })
    ).id;
    partnerApi = await person(organisationId, 'olivia@contoso.example', ['owner'], 'Olivia');

    // The co-sell tab itself is filled through the browser in cosell-tab.test.ts; here the API
    // fills it so the journey can start at "Review and publish".
    const base = `/api/organisations/${organisationId}/offers`;
    offerId = (
      await partnerApi.send<{ id: string }>('POST', base, {
        name: 'Contoso Insights',
        alias: 'insights',
        offerType: 'saas',
        summary: 'Analytics for retail',
        markets: ['US', 'SE'],
        transactable: true,
        pricedAboveZero: true,
      })
    ).id;
    const taxonomy = (await partnerApi.send<{ taxonomy: Taxonomy }>('GET', '/api/program'))
      .taxonomy;
    const area = taxonomy.solutionAreas[0]!;
    await partnerApi.send(
      'PUT',
      `${base}/${offerId}/cosell`,
      {
        listing: {
          platforms: [taxonomy.platforms[0]!.id],
          segments: [taxonomy.segments[0]!.id],
          solutionType: 'ip',
          solutionAreas: [{ areaId: area.id, subAreaIds: [area.subAreas[0]!.id] }],
        },
        landingPageUrl: 'https://contoso.example/insights',
      },
      { 'if-match': '"v1"' },
    );
    for (const [kind, name, bytes] of [
      ['one-pager', 'one-pager.pdf', samplePdf()],
      ['pitch-deck', 'deck.pptx', samplePptx()],
      ['reference-architecture-diagram', 'architecture.pdf', samplePdf()],
    ] as const) {
      await partnerApi.send(
        'POST',
        `${base}/${offerId}/documents?kind=${kind}&fileName=${name}`,
        bytes,
      );
    }
    await partnerApi.send('POST', `${base}/${offerId}/contacts`, {
      name: 'Ada Lovelace',
      email: 'ada@contoso.example',
      jobTitle: 'Seller',
      role: 'partner-sales',
      countries: ['OOO'],
      states: [],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('takes an offer from draft to the Preferred Solution badge', async () => {
    const shot = (page: Page, name: string) => screenshot(page, `publish-${name}`);

    // The partner publishes: both sections are required for a new offer.
    const partner = await newPage();
    await signIn(partner, 'olivia@contoso.example');
    await partner.goto(`${server.url}/offers/${offerId}?tab=publish`);
    const publish = partner.getByTestId('publish-button');
    await expect.poll(() => publish.isEnabled(), { timeout: 15_000 }).toBe(true);
    expect(await partner.getByTestId('publish-checkbox-offer-setup').isChecked()).toBe(true);
    expect(await partner.getByTestId('publish-checkbox-cosell').isChecked()).toBe(true);
    await shot(partner, '01-review-and-publish');
    await expectAccessible(partner, 'review and publish');
    await publish.click();
    const state = partner.getByTestId('submission-state');
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toBe('in-review');
    await shot(partner, '02-in-review');

    // The reviewer finds it in the queue, records the findings and approves.
    const reviewer = await newPage();
    await signIn(reviewer, 'riley@microsoft.example');
    await reviewer.goto(`${server.url}/review-queue`);
    await reviewer.locator('[data-testid^="review-row-"]').first().click();
    await reviewer.getByTestId('review-approve').waitFor();
    await reviewer.getByTestId('review-technical-passed').check();
    await reviewer.getByTestId('review-revenue-verified').check();
    await reviewer.getByTestId('review-report').fill('Collateral complete; runs on AKS.');
    await shot(reviewer, '03-review-detail');
    await expectAccessible(reviewer, 'review detail');
    await reviewer.getByTestId('review-approve').click();
    await reviewer.locator('[data-testid^="review-row-"]').first().waitFor({ state: 'detached' });

    // After approval a new offer waits in preview for the publisher's Go live.
    await partner.reload();
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toBe('preview');
    await partner.getByTestId('go-live').click();
    await expect.poll(() => state.textContent(), { timeout: 20_000 }).toBe('published');
    await shot(partner, '04-live');

    // Live, reviewed, but the program profile is empty: not co-sell ready, and it says why.
    await partner.goto(`${server.url}/offers/${offerId}?tab=status`);
    const badge = partner.getByTestId('status-badge');
    await expect.poll(() => badge.getAttribute('data-status')).toBe('not-cosell-ready');
    const partnerIdRequirement = partner
      .getByTestId('status-tier-cosell-ready')
      .getByTestId('requirement-profile.partnerId');
    expect(await partnerIdRequirement.getAttribute('data-met')).toBe('false');
    await shot(partner, '05-status-not-ready');
    await expectAccessible(partner, 'co-sell status');

    // The partner enters the profile facts the program lets partners enter.
    await partner.goto(`${server.url}/settings?section=profile`);
    await partner.getByTestId('profile-field-partnerId').fill('1234567');
    await partner.getByTestId('profile-field-marketplaceAccountActive').check();
    await partner.getByTestId('profile-field-businessProfileComplete').check();
    await partner.getByTestId('profile-save').click();
    await partner.getByText(t('profile.saved')).first().waitFor();
    await partner.goto(`${server.url}/offers/${offerId}?tab=status`);
    await expect.poll(() => badge.getAttribute('data-status')).toBe('cosell-ready');
    await shot(partner, '06-status-cosell-ready');

    // The program's systems report USD 150,000 of Azure consumed revenue: Azure IP co-sell.
    const profileUrl = `/api/organisations/${organisationId}/program-profile`;
    await adminApi.send('GET', profileUrl);
    await adminApi.send(
      'PATCH',
      profileUrl,
      { azureConsumedRevenueUsd: 150_000 },
      { 'if-match': adminApi.etag },
    );
    await partner.reload();
    await expect.poll(() => badge.getAttribute('data-status')).toBe('azure-ip-cosell-incentivized');
    const statusName = await badge.textContent();

    // The offer list shows the same co-sell status, by the same name, in its status column.
    await partner.goto(`${server.url}/offers`);
    const listed = partner.getByTestId('offer-cosell-status').first();
    await expect
      .poll(() => listed.getAttribute('data-status'))
      .toBe('azure-ip-cosell-incentivized');
    expect(await listed.textContent()).toBe(statusName);
    await shot(partner, '06b-offers-list-status');

    // The storefront shows the offer, "Azure benefit eligible", but no badge yet.
    const visitor = await newPage();
    await visitor.goto(`${server.url}/storefront`);
    const card = visitor.getByTestId(`storefront-card-${offerId}`);
    await card.waitFor();
    expect(await card.getAttribute('data-badges')).toBe('azure-benefit-eligible');

    // The program admin moves the clock 30 days: the badge sweep grants the badge.
    const programAdmin = await newPage();
    await signIn(programAdmin, ADMIN.email, ADMIN.password);
    await programAdmin.goto(`${server.url}/program?section=clock`);
    await programAdmin.getByTestId('clock-days').fill('30');
    await programAdmin.getByTestId('clock-advance').click();
    await programAdmin.getByText(/30/).first().waitFor();
    await shot(programAdmin, '07-clock');

    await expect
      .poll(
        async () => {
          await visitor.goto(`${server.url}/storefront`);
          await card.waitFor();
          return card.getAttribute('data-badges');
        },
        { timeout: 20_000, interval: 1_000 },
      )
      .toContain('preferred-solution');
    await card.getByTestId('storefront-badge-preferred-solution').waitFor();
    await shot(visitor, '08-storefront-badge');
    await expectAccessible(visitor, 'storefront');

    // The partner was told: review passed, status changed, badge granted.
    await partner.reload();
    await partner.getByTestId('notifications-bell').click();
    await partner.getByTestId('notification-item').first().waitFor();
    const kinds = await partner.getByTestId('notification-item').allTextContents();
    expect(kinds.length).toBeGreaterThanOrEqual(3);
    await shot(partner, '09-notifications');

    // The storefront in Chinese, and at 320 px.
    const chinese = await newPage('zh-CN', 320);
    await chinese.goto(`${server.url}/storefront`);
    await chinese.getByTestId(`storefront-card-${offerId}`).waitFor();
    expect(
      await chinese.evaluate(
        () => document.documentElement.scrollWidth <= document.documentElement.clientWidth,
      ),
    ).toBe(true);
    await screenshot(chinese, 'publish-10-storefront-zh-CN-320');
  });
});
