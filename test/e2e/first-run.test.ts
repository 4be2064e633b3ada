/**
 * A newcomer's first hour, in Chromium: a new program admin sets up an empty installation,
 * lands on the first-run checklist and works through it (create a partner organisation,
 * invite its owner, keep the sample taxonomy, keep the policy, give partners a contact
 * address); a second program admin reads the same checklist in Chinese. Then a reviewer
 * approves a partner's new offer, and the partner's notification says the preview waits for
 * Go live and leads to it, in English and in Chinese. Screenshots go to /tmp/cosell-first-run.
 */
import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samplePdf, samplePptx } from '../helpers/files';
import {
  accessibilityProblems,
  ApiSession,
  launchBrowser,
  startServer,
  translator,
  type RunningServer,
} from './server';

const SHOTS = '/tmp/cosell-first-run';
const ADMIN = {
  organisation: 'Microsoft',
  name: 'Ada Admin',
  email: 'ada@microsoft.example',
  password: 'a long enough password',
};
const PASSWORD = 'partner password 123';
const en = translator('en');
const zh = translator('zh-CN');

interface Taxonomy {
  platforms: { id: string }[];
  segments: { id: string }[];
  solutionAreas: { id: string; subAreas: { id: string }[] }[];
}

describe('first run in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminApi: ApiSession;
  let vendorId: string;
  let partnerId: string;

  const shot = async (page: Page, name: string) => {
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  const newPage = async (locale = 'en-US') =>
    (await browser.newContext({ locale, viewport: { width: 1280, height: 900 } })).newPage();

  async function signIn(page: Page, email: string, password = PASSWORD) {
    await page.goto(`${server.url}/sign-in`);
    await page.locator('input[name="email"]').fill(email);
    await page.locator('input[name="password"]').fill(password);
    await page.locator('button[type="submit"]').click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  }

  /** Invites `email` with `roles` (as the first program admin) and accepts in `locale`. */
  async function person(orgId: string, email: string, roles: string[], locale = 'en') {
    const invitation = await adminApi.send<{ url: string }>(
      'POST',
      `/api/organisations/${orgId}/invitations`,
      { email, roles },
    );
    const session = new ApiSession(server.url);
    await session.send('POST', `/api/invitations/${invitation.url.split('/').pop()}/accept`, {
      name: email.split('@')[0],
      password: PASSWORD,
      locale,
    });
    return session;
  }

  const stepDone = (page: Page, id: string) =>
    page.getByTestId(`start-step-${id}`).getAttribute('data-done');

  beforeAll(async () => {
    server = await startServer(5600 + Math.floor(Math.random() * 200));
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('leads a new program admin through the first-run checklist', async () => {
    const page = await newPage();
    await page.goto(server.url);
    await page.waitForURL(/\/setup$/);
    await page.getByLabel(en('setup.organisationName'), { exact: true }).fill(ADMIN.organisation);
    await page.getByLabel(en('field.yourName'), { exact: true }).fill(ADMIN.name);
    await page.getByLabel(en('field.email'), { exact: true }).fill(ADMIN.email);
    await page.getByLabel(en('field.password'), { exact: true }).fill(ADMIN.password);
    await page.getByLabel(en('field.confirmPassword'), { exact: true }).fill(ADMIN.password);
    await page.getByRole('button', { name: en('setup.submit') }).click();

    // The home of a program admin is the checklist, not an empty catalog.
    await page.waitForURL(/\/start$/);
    await page.getByRole('heading', { level: 1, name: en('start.title') }).waitFor();
    await expect
      .poll(() => page.getByTestId('start-summary').innerText())
      .toBe(en('start.remaining_other', { count: 5 }));
    for (const id of ['partner', 'invite', 'taxonomy', 'policy', 'contact'])
      expect(await stepDone(page, id), id).toBe('false');
    await shot(page, 'en-01-checklist');
    expect(await accessibilityProblems(page)).toEqual([]);

    // Step 1 opens "Create organisation" on the Program page; creating it offers the invitation.
    await page.getByTestId('start-go-partner').click();
    await page.waitForURL(/\/program\?section=organisations/);
    await page.getByTestId('organisations-section').waitFor();
    await shot(page, 'en-02-create-organisation');
    const create = page.getByRole('dialog');
    await create.getByLabel(en('organisations.name'), { exact: true }).fill('Contoso');
    await create.getByRole('button', { name: en('organisations.createSubmit') }).click();
    const invite = page.getByRole('dialog', {
      name: en('invite.title', { organisation: 'Contoso' }),
    });
    await invite.getByLabel(en('invite.email'), { exact: true }).fill('olivia@contoso.example');
    await invite.getByRole('button', { name: en('invite.send') }).click();
    // No mail server here: the dialog says so instead of claiming the link was e-mailed.
    await expect
      .poll(() => invite.getByTestId('invitation-created').innerText())
      .toBe(en('invite.createdNotEmailed', { email: 'olivia@contoso.example' }));
    await shot(page, 'en-03-invitation');
    await invite.getByRole('button', { name: en('common.done') }).click();

    // Back home: two steps done. Keep the sample taxonomy and the policy from the checklist.
    await page.getByTestId('nav-start').first().click();
    await expect.poll(() => stepDone(page, 'partner')).toBe('true');
    expect(await stepDone(page, 'invite')).toBe('true');
    await page.getByTestId('start-keep-policy').click();
    await page
      .getByText(en('start.policyKept', { policy: en('policy.name.2021-09') }))
      .first()
      .waitFor()
      .catch(() => shot(page, 'failed-keep-policy'));
    await expect.poll(() => stepDone(page, 'policy')).toBe('true');
    await page.getByTestId('start-go-taxonomy').click();
    await page.waitForURL(/section=taxonomy/);
    await page.getByTestId('taxonomy-save').click();
    await page.getByTestId('sample-data-warning').waitFor({ state: 'detached' });

    // The Program page is in tabs; the contact address is one of them.
    await page.getByTestId('program-tab-contact').click();
    await page.getByTestId('program-contact-email').fill('partners@microsoft.example');
    await page.getByTestId('program-contact-save').click();
    await page.getByText(en('programContact.saved')).first().waitFor();
    await shot(page, 'en-04-program-contact');

    await page.getByTestId('nav-start').first().click();
    await expect
      .poll(() => page.getByTestId('start-summary').innerText())
      .toBe(en('start.allDone'));
    await shot(page, 'en-05-all-set');

    // A second program admin, in Chinese, sees the same finished checklist in Chinese.
    adminApi = new ApiSession(server.url);
    await adminApi.send('POST', '/api/session', { email: ADMIN.email, password: ADMIN.password });
    const session = await adminApi.send<{
      memberships: { organisation: { id: string; kind: string } }[];
    }>('GET', '/api/session');
    vendorId = session.memberships[0]!.organisation.id;
    await person(vendorId, 'li@microsoft.example', ['program-admin'], 'zh-CN');
    const chinese = await newPage('zh-CN');
    await signIn(chinese, 'li@microsoft.example');
    await chinese.waitForURL(/\/start$/);
    await chinese.getByRole('heading', { level: 1, name: zh('start.title') }).waitFor();
    await expect
      .poll(() => chinese.getByTestId('start-summary').innerText())
      .toBe(zh('start.allDone'));
    await shot(chinese, 'zh-CN-01-checklist');
  });

  it('shows a seller no review queue, and a reviewer lands on it', async () => {
    await person(vendorId, 'sam@microsoft.example', ['seller']);
    await person(vendorId, 'riley@microsoft.example', ['reviewer']);
    const seller = await newPage();
    await signIn(seller, 'sam@microsoft.example');
    await seller.waitForURL(/\/storefront$/);
    await seller.getByTestId('nav-program').first().waitFor();
    expect(await seller.getByTestId('nav-review-queue').count()).toBe(0);
    expect(await seller.getByTestId('nav-start').count()).toBe(0);
    await seller.goto(`${server.url}/review-queue`);
    await seller.getByText(en('notAvailable.roleBody')).waitFor();

    const reviewer = await newPage();
    await signIn(reviewer, 'riley@microsoft.example');
    await reviewer.waitForURL(/\/review-queue$/);
  });

  it('tells the partner that an approved new offer waits in preview for Go live', async () => {
    partnerId = (
      await adminApi.send<{ items: { id: string; name: string }[] }>(
        'GET',
        '/api/organisations?kind=partner',
      )
    ).items.find((o) => o.name === 'Contoso')!.id;
    const owner = await person(partnerId, 'owen@contoso.example', ['owner']);
    await person(partnerId, 'mei@contoso.example', ['manager'], 'zh-CN');
    const reviewer = new ApiSession(server.url);
    await reviewer.send('POST', '/api/session', {
      email: 'riley@microsoft.example',
      password: PASSWORD,
    });

    // A complete new offer, published for review.
    const base = `/api/organisations/${partnerId}/offers`;
    const offerId = (
      await owner.send<{ id: string }>('POST', base, {
        name: 'Contoso Insights',
        alias: 'insights',
        offerType: 'saas',
        summary: 'Analytics for retail',
        markets: ['US'],
        transactable: true,
        pricedAboveZero: true,
      })
    ).id;
    const taxonomy = (await owner.send<{ taxonomy: Taxonomy }>('GET', '/api/program')).taxonomy;
    const area = taxonomy.solutionAreas[0]!;
    await owner.send(
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
      await owner.send('POST', `${base}/${offerId}/documents?kind=${kind}&fileName=${name}`, bytes);
    }
    await owner.send('POST', `${base}/${offerId}/contacts`, {
      name: 'Ada Lovelace',
      email: 'ada@contoso.example',
      jobTitle: 'Seller',
      role: 'partner-sales',
      countries: ['OOO'],
      states: [],
    });
    await owner.send('GET', `${base}/${offerId}/publish`);
    await owner.send(
      'POST',
      `${base}/${offerId}/submissions`,
      { sections: ['offer-setup', 'cosell'] },
      { 'if-match': owner.etag },
    );

    // Validation runs in the background, then the submission waits for review.
    await expect
      .poll(
        async () =>
          (
            await owner.send<{ current: { state: string; problems?: unknown } | null }>(
              'GET',
              `${base}/${offerId}/publish`,
            )
          ).current,
        { timeout: 30_000 },
      )
      .toMatchObject({ state: 'in-review' });

    // The reviewer approves it from the queue.
    let submissionId = '';
    await expect
      .poll(
        async () => {
          const queue = await reviewer.send<{ items: { id: string }[] }>(
            'GET',
            '/api/review/submissions',
          );
          submissionId = queue.items[0]?.id ?? '';
          return submissionId;
        },
        { timeout: 20_000 },
      )
      .not.toBe('');
    const detailUrl = `/api/review/organisations/${partnerId}/submissions/${submissionId}`;
    await reviewer.send('GET', detailUrl);
    await reviewer.send(
      'POST',
      `${detailUrl}/decision`,
      { decision: 'approve', report: 'Looks good.' },
      { 'if-match': reviewer.etag },
    );

    await expect
      .poll(
        async () =>
          (await owner.send<{ items: { kind: string }[] }>('GET', '/api/notifications')).items
            .map((n) => n.kind)
            .includes('review.passed'),
        { timeout: 20_000 },
      )
      .toBe(true);

    // The owner's bell: the preview is ready, Go live is theirs to select; the item leads there.
    const page = await newPage();
    await signIn(page, 'owen@contoso.example');
    await page.getByTestId('notifications-bell').click();
    const item = page.getByTestId('notification-item').first();
    await item.waitFor();
    expect(await item.innerText()).toContain('Its preview is ready');
    expect(await item.innerText()).toContain('select Go live');
    await shot(page, 'en-06-go-live-notification');
    await item.click();
    await page.waitForURL(new RegExp(`/offers/${offerId}\\?tab=publish$`));
    await page.getByTestId('go-live').waitFor({ timeout: 20_000 });
    await shot(page, 'en-07-preview');

    // The same notification for a manager who reads Chinese.
    const chinese = await newPage('zh-CN');
    await signIn(chinese, 'mei@contoso.example');
    await chinese.getByTestId('notifications-bell').click();
    const zhItem = chinese.getByTestId('notification-item').first();
    await zhItem.waitFor();
    expect(await zhItem.innerText()).toContain('预览已就绪');
    await shot(chinese, 'zh-CN-02-go-live-notification');
  });
});
