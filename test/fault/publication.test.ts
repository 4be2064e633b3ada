/**
 * Review and publish under faults (ADR 008: "a crash between steps resumes, never duplicates").
 *
 * 1. A partner publishes a complete offer; cosell is SIGKILLed while each queued step can run —
 *    validation (after the publish answer), preview (after the reviewer's approval) and Go live
 *    (after the publisher's sign-off) — right after the HTTP answer, after a random 0–300 ms, and
 *    (PostgreSQL) in the middle of the step's transaction, held on a table lock after its first
 *    writes. cosell restarts on the same data and the pipeline settles. After each step: the
 *    submission is where the step leads (in-review, preview, published), one live version, one
 *    'publish' status history entry, no due job left, the review decision and the status change
 *    notified once per recipient (each with one mail job), offers.publish_status in step with the
 *    latest submission. On PostgreSQL (1a) and on embedded PGlite (1b). 1c reads the publish view
 *    while Go live commits: the view reads one snapshot (REPEATABLE READ, read only), so it shows
 *    all of the step or none of it.
 * 2. Two cosell processes on one PostgreSQL database, both running the job worker: 20 offers
 *    published, approved and taken live through both. Every job ran once (attempts 1, one job per
 *    step and per notification), no notification, history entry or mail twice. 2b: a worker
 *    whose Go live outlives its lease (held on a lock) while the other process takes the job
 *    again: the second run finds the submission moved and changes nothing.
 *
 * A job claimed by a killed process stays leased for the worker's lease (60 s) before another
 * worker takes it again. The scenarios do not wait that minute: after each kill the lease of
 * any job the dead worker held is moved to the past, as if the minute had gone by, and the
 * number of such jobs is reported (each of them then runs a second time: attempts 2).
 */
import { PGlite } from '@electric-sql/pglite';
import http from 'node:http';
import path from 'node:path';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { samplePdf, samplePptx } from '../helpers/files';
import {
  accept,
  adminClient,
  api,
  clusterInfo,
  collectAnswer,
  cosellBackends,
  ensurePgUp,
  expectInvariants,
  expectNoUnhandledErrors,
  freshDatabase,
  request,
  sessionOf,
  setUp,
  sleep,
  startCosell,
  tmpDir,
  tokenOf,
  unique,
  waitFor,
  type Answer,
  type Cosell,
  type Query,
  type Session,
} from './harness';

const randomBetween = (min: number, max: number) => Math.round(min + Math.random() * (max - min));

// ---------------------------------------------------------------------------------------------
// A partner and complete offers, through the API

interface Person {
  email: string;
  session: Session;
}

interface Partner {
  organisationId: string;
  owner: Person;
  /** Everyone notified about the partner's offers (owner and manager). */
  people: Person[];
}

interface OfferRef {
  organisationId: string;
  offerId: string;
}

/** One request with a raw body (a document upload) on its own connection. */
function upload(base: string, session: Session, urlPath: string, body: Buffer): Promise<Answer> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(urlPath, base),
      {
        method: 'POST',
        agent: false,
        timeout: 20_000,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': 'application/octet-stream',
          'content-length': String(body.length),
        },
      },
      (res) => collectAnswer(res, started, resolve, reject),
    );
    req.on('timeout', () => req.destroy(new Error(`upload ${urlPath}: no answer within 20 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** A partner organisation with an owner and a manager (both notified), and its profile filled. */
async function partnerOf(base: string, vendorAdmin: Session): Promise<Partner> {
  const a = api(base, vendorAdmin);
  const org = await a.createOrganisation(unique('Partner'));
  expect(org.status, org.text).toBe(201);
  const organisationId = org.json.id as string;
  const people: Person[] = [];
  for (const role of ['owner', 'manager']) {
    const email = `${unique(role)}@partner.test`;
    const invited = await a.send('POST', `/api/organisations/${organisationId}/invitations`, {
      email,
      roles: [role],
    });
    expect(invited.status, invited.text).toBe(201);
    const accepted = await accept(base, tokenOf(invited), `Partner ${role}`);
    expect(accepted.status, accepted.text).toBe(200);
    people.push({ email, session: sessionOf(accepted) });
  }
  const owner = people[0]!;
  // With the profile filled, Go live makes the offer co-sell ready (a status change, notified).
  const saved = await request(
    base,
    'PATCH',
    `/api/organisations/${organisationId}/program-profile`,
    {
      cookie: owner.session.cookie,
      csrf: owner.session.csrf,
      headers: { 'if-match': '"v0"' },
      body: {
        partnerId: String(randomBetween(1_000_000, 9_999_999)),
        marketplaceAccountActive: true,
        businessProfileComplete: true,
      },
    },
  );
  expect(saved.status, saved.text).toBe(200);
  return { organisationId, owner, people };
}

/** An offer whose draft passes validation: offer setup, listing, documents, a sales contact. */
async function completeOffer(base: string, partner: Partner): Promise<OfferRef> {
  const owner = api(base, partner.owner.session);
  const alias = unique('offer');
  const offers = `/api/organisations/${partner.organisationId}/offers`;
  const created = await owner.send('POST', offers, {
    name: `Offer ${alias}`,
    alias,
    offerType: 'saas',
    summary: 'Analytics for retail',
    markets: ['US', 'SE'],
    transactable: true,
    pricedAboveZero: true,
  });
  expect(created.status, created.text).toBe(201);
  const offerId = created.json.id as string;
  const prefix = `${offers}/${offerId}`;
  const taxonomy = (await owner.get('/api/program')).json.taxonomy;
  const area = taxonomy.solutionAreas[0];
  const cosell = await request(base, 'PUT', `${prefix}/cosell`, {
    cookie: partner.owner.session.cookie,
    csrf: partner.owner.session.csrf,
    headers: { 'if-match': created.headers.etag as string },
    body: {
      listing: {
        platforms: [taxonomy.platforms[0].id],
        segments: [taxonomy.segments[0].id],
        solutionType: 'ip',
        solutionAreas: [{ areaId: area.id, subAreaIds: [area.subAreas[0].id] }],
      },
      landingPageUrl: `https://partner.test/${alias}`,
    },
  });
  expect(cosell.status, cosell.text).toBe(200);
  for (const [kind, name, bytes] of [
    ['one-pager', 'one-pager.pdf', samplePdf()],
    ['pitch-deck', 'deck.pptx', samplePptx()],
    ['reference-architecture-diagram', 'rad.pdf', samplePdf()],
  ] as const) {
    const up = await upload(
      base,
      partner.owner.session,
      `${prefix}/documents?kind=${kind}&fileName=${name}`,
      bytes,
    );
    expect(up.status, up.text.slice(0, 300)).toBe(201);
  }
  const contact = await owner.send('POST', `${prefix}/contacts`, {
    name: 'Ada Seller',
    email: `${alias}@partner.test`,
    jobTitle: 'Seller',
    role: 'partner-sales',
    countries: ['OOO'],
    states: [],
  });
  expect(contact.status, contact.text).toBe(201);
  return { organisationId: partner.organisationId, offerId };
}

/** The publish calls of one offer (publisher and reviewer) on the server at `base()`. */
function publication(base: () => string, partner: Partner, offer: OfferRef, reviewer: Session) {
  const prefix = `/api/organisations/${offer.organisationId}/offers/${offer.offerId}`;
  const owner = () => api(base(), partner.owner.session);
  return {
    view: async () => {
      const answer = await owner().get(`${prefix}/publish`);
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      return answer;
    },
    submit: async () => {
      const view = await owner().get(`${prefix}/publish`);
      expect(view.status, view.text.slice(0, 300)).toBe(200);
      return request(base(), 'POST', `${prefix}/submissions`, {
        cookie: partner.owner.session.cookie,
        csrf: partner.owner.session.csrf,
        headers: {
          'if-match': view.headers.etag as string,
          'idempotency-key': unique('publish'),
        },
        body: { sections: ['offer-setup', 'cosell'] },
      });
    },
    approve: async (submissionId: string) => {
      const url = `/api/review/organisations/${offer.organisationId}/submissions/${submissionId}`;
      const detail = await api(base(), reviewer).get(url);
      expect(detail.status, detail.text.slice(0, 300)).toBe(200);
      return request(base(), 'POST', `${url}/decision`, {
        cookie: reviewer.cookie,
        csrf: reviewer.csrf,
        headers: { 'if-match': detail.headers.etag as string },
        body: {
          decision: 'approve',
          technicalValidation: 'passed',
          revenueVerified: true,
          report: 'Looks good.',
        },
      });
    },
    goLive: (submissionId: string) =>
      owner().send('POST', `${prefix}/submissions/${submissionId}/go-live`),
    /** The state of submission `id` once it is `state` (polls; bounded). */
    /**
     * Polls the publish view until submission `id` is in `state` and the offer shows the publish
     * status that state gives it. `torn` counts answers that had the submission's new state
     * with the offer's old status: the view's statements run under READ COMMITTED, so a step
     * that commits between them shows half of its change (the rows themselves agree).
     */
    settled: async (id: string, state: string, timeoutMs = 20_000) => {
      const status = PUBLISH_STATUS_OF_STATE[state];
      let torn = 0;
      const answer = await waitFor(
        `submission ${id} ${state} and the offer ${status}`,
        async () => {
          const view = await owner().get(`${prefix}/publish`);
          if (view.status !== 200) return null;
          const found = (view.json.submissions as { id: string; state: string }[]).find(
            (s) => s.id === id,
          );
          if (found?.state !== state) return null;
          if (view.json.offer.publishStatus === status) return view;
          torn += 1;
          return null;
        },
        timeoutMs,
        100,
      );
      return { answer, torn };
    },
  };
}

/** The publish status each submission state gives its offer (publishStatusOf, a new offer). */
const PUBLISH_STATUS_OF_STATE: Record<string, string> = {
  'in-review': 'publish-in-progress',
  preview: 'preview',
  published: 'live',
};

// ---------------------------------------------------------------------------------------------
// Invariants of the pipeline, on the rows

/** Where a tracked submission must be after the pipeline settled. */
type Stage = 'in-review' | 'preview' | 'published';

interface Tracked extends OfferRef {
  submissionId: string;
  stage: Stage;
  /** E-mail addresses of the people notified about the offer. */
  recipients: string[];
}

/** publishStatusOf (packages/core/src/publishing/publication.ts), in SQL. */
const PUBLISH_STATUS_OF = `case latest.state
    when 'attention-needed' then 'attention-needed' when 'rejected' then 'attention-needed'
    when 'preview' then 'preview'
    when 'validating' then 'publish-in-progress' when 'in-review' then 'publish-in-progress'
    when 'approved' then 'publish-in-progress' when 'publishing' then 'publish-in-progress'
    else case when o.live_version_id is null then 'draft' else 'live' end end`;

/**
 * Jobs due and not done, and domain events not yet dispatched to their subscribers (the
 * storefront projection and notifications follow Go live through the outbox): empty once the
 * pipeline settled.
 */
const UNFINISHED_JOBS = `select id::text, kind, attempts, locked_by, locked_until, last_error from jobs
  where done_at is null and run_at <= now()
  union all
  select id::text, 'event ' || type, null, null, null, null from domain_events
  where dispatched_at is null`;

/**
 * What is wrong with the tracked submissions' rows (empty when nothing is). Also program-wide:
 * every offer's publish status agrees with its latest submission, no notification has two mail
 * jobs or none, no job failed.
 */
async function pipelineViolations(query: Query, tracked: Tracked[]) {
  const problems: string[] = [];
  const rows = async (sql: string, params: unknown[] = []) => (await query(sql, params)).rows;
  for (const t of tracked) {
    const at = `${t.stage} ${t.offerId.slice(0, 8)}`;
    const [sub] = await rows(
      'select state from submissions where organisation_id = $1 and id = $2',
      [t.organisationId, t.submissionId],
    );
    if (sub?.state !== t.stage) problems.push(`${at}: submission is ${String(sub?.state)}`);
    const [offer] = await rows(
      `select o.lifecycle_state, o.live_version_id, s.version_id from offers o
         join submissions s on s.organisation_id = o.organisation_id and s.id = $3
        where o.organisation_id = $1 and o.id = $2`,
      [t.organisationId, t.offerId, t.submissionId],
    );
    const lifecycle = { 'in-review': 'draft', preview: 'preview', published: 'live' }[t.stage];
    if (offer?.lifecycle_state !== lifecycle)
      problems.push(`${at}: lifecycle ${String(offer?.lifecycle_state)}, not ${lifecycle}`);
    const live = t.stage === 'published' ? offer?.version_id : null;
    if ((offer?.live_version_id ?? null) !== live)
      problems.push(`${at}: live version ${String(offer?.live_version_id)}, not ${String(live)}`);
    const [counts] = await rows(
      `select
         (select count(*) from submissions where organisation_id = $1 and offer_id = $2
            and state = 'published')::int as published,
         (select count(*) from offer_versions where organisation_id = $1 and offer_id = $2)::int
            as versions,
         (select count(*) from offer_status_history where organisation_id = $1 and offer_id = $2
            and cause = 'publish')::int as publish_history,
         (select count(*) from storefront_listings where offer_id = $2)::int as listings`,
      [t.organisationId, t.offerId],
    );
    const once = t.stage === 'published' ? 1 : 0;
    if (counts!.published !== once) problems.push(`${at}: ${counts!.published} published`);
    if (counts!.versions !== 1) problems.push(`${at}: ${counts!.versions} versions`);
    if (counts!.publish_history !== once)
      problems.push(`${at}: ${counts!.publish_history} 'publish' history entries`);
    if (counts!.listings !== once) problems.push(`${at}: ${counts!.listings} storefront rows`);
    // One job per step, each done once it ran.
    const steps = await rows(
      `select kind, count(*)::int n, count(done_at)::int done from jobs
        where payload ->> 'submissionId' = $1 group by kind order by kind`,
      [t.submissionId],
    );
    const expectedSteps = {
      'in-review': ['publish.validate'],
      preview: ['publish.preview', 'publish.validate'],
      published: ['publish.go-live', 'publish.preview', 'publish.validate'],
    }[t.stage];
    const stepsFound = steps.map((s) => `${s.kind}×${s.n}${s.done === s.n ? '' : ' (not done)'}`);
    if (stepsFound.join(',') !== expectedSteps.map((k) => `${k}×1`).join(','))
      problems.push(`${at}: step jobs ${stepsFound.join(', ')}`);
    // Notifications: the decision (and the status change at Go live) once per recipient.
    const notes = await rows(
      `select n.kind, u.email, count(*)::int n from notifications n join users u on u.id = n.user_id
        where n.organisation_id = $1 and n.offer_id = $2 group by n.kind, u.email`,
      [t.organisationId, t.offerId],
    );
    const expectedKinds =
      t.stage === 'in-review'
        ? []
        : t.stage === 'preview'
          ? ['review.passed']
          : ['review.passed', 'status.changed'];
    const found = notes.map((r) => `${r.kind} ${r.email} ×${r.n}`).sort();
    const wanted = expectedKinds.flatMap((k) => t.recipients.map((e) => `${k} ${e} ×1`)).sort();
    if (found.join('; ') !== wanted.join('; '))
      problems.push(`${at}: notifications [${found.join('; ')}]`);
  }
  const disagreeing = await rows(
    `select o.id, o.publish_status, ${PUBLISH_STATUS_OF} as expected from offers o
       left join lateral (select state from submissions s
         where s.organisation_id = o.organisation_id and s.offer_id = o.id
         order by s.submitted_at desc, s.seq desc limit 1) latest on true
      where o.publish_status <> ${PUBLISH_STATUS_OF}`,
  );
  for (const r of disagreeing)
    problems.push(
      `offer ${String(r.id)}: publish status ${String(r.publish_status)}, latest says ${String(r.expected)}`,
    );
  const mails = await rows(
    `select n.id, (select count(*) from jobs j where j.kind = 'mail.notification'
        and j.payload ->> 'notificationId' = n.id::text)::int as jobs
       from notifications n`,
  );
  for (const r of mails.filter((m) => m.jobs !== 1))
    problems.push(`notification ${String(r.id)}: ${String(r.jobs)} mail jobs`);
  // (A fresh installation's first badge sweep fails until /api/setup made the program, and is
  // retried: not the pipeline's concern.)
  const failed = await rows(
    `select kind, last_error from jobs where last_error is not null
        and (kind like 'publish.%' or kind like 'mail.%' or kind like 'status.%')`,
  );
  for (const r of failed) problems.push(`job ${String(r.kind)} failed: ${String(r.last_error)}`);
  return problems;
}

/** Jobs that ran more than once, by kind (a replay after a kill), for the report. */
async function replays(query: Query) {
  const { rows } = await query(
    `select kind, count(*)::int n from jobs where attempts > 1 group by kind order by kind`,
  );
  return rows.map((r) => `${String(r.kind)}×${String(r.n)}`).join(', ') || 'none';
}

/** The lease of every job a killed worker held ends now (as if its 60 s had passed). */
const EXPIRE_LEASES = `update jobs set locked_until = now() - interval '1 second'
  where done_at is null and locked_until > now() returning kind`;

// ---------------------------------------------------------------------------------------------
// Scenario 1: SIGKILL between and inside the steps

interface Backend {
  name: string;
  start(name: string): Promise<Cosell>;
  /** After a SIGKILL: the killed process is gone from the database; expire its leases. */
  afterKill(): Promise<string[]>;
  /**
   * Checks on the rows once the pipeline settled (PostgreSQL: beside the running server once no
   * job is due; PGlite: with the server stopped, then started again). Returns the server to go
   * on with.
   */
  check(server: Cosell, work: (query: Query) => Promise<void>): Promise<Cosell>;
  /** Holds a table lock (PostgreSQL only): a step writing the table waits there. */
  lock?(table: string): Promise<{ release(): Promise<void> }>;
  /** True once a cosell transaction that has written rows waits on a lock. */
  blockedMidTransaction?(): Promise<boolean>;
}

type KillMode = 'answer' | 'delay' | 'mid-step';

/** Which table a step writes after its first writes (EXCLUSIVE mode still lets it read). */
const MID_STEP_LOCK: Record<Stage, string> = {
  // validation and preview: the submission moved, then the offer's publish status
  'in-review': 'offers',
  preview: 'offers',
  // Go live: submission, offer and status row written, then the status history
  published: 'offer_status_history',
};

async function crashRounds(
  backend: Backend,
  modes: KillMode[],
): Promise<{ server: Cosell; log: string[] }> {
  let server = await backend.start(`${backend.name}-0`);
  const base = () => server.url;
  const admin = await setUp(server.url);
  const partner = await partnerOf(server.url, admin);
  const recipients = partner.people.map((p) => p.email);
  const tracked: Tracked[] = [];
  const log: string[] = [];
  let starts = 1;
  let tornViews = 0;

  for (const [round, mode] of modes.entries()) {
    const offer = await completeOffer(server.url, partner);
    const pub = publication(base, partner, offer, admin);

    /** Runs `action`, kills cosell as `mode` says, restarts it and waits for `stage`. */
    const step = async (stage: Stage, action: () => Promise<Answer>, success: number) => {
      const table = MID_STEP_LOCK[stage];
      // Go live's table is not written by the request: lock it first. The others are, so the
      // lock is taken once the answer is in (the worker polls every 0.5 s: usually before it).
      const early =
        mode === 'mid-step' && stage === 'published' ? await backend.lock!(table) : null;
      const answer = await action();
      expect(answer.status, answer.text.slice(0, 300)).toBe(success);
      let moment: string;
      if (mode === 'answer') {
        moment = 'right after the answer';
      } else if (mode === 'delay') {
        const delay = randomBetween(0, 300);
        await sleep(delay);
        moment = `${delay} ms after the answer`;
      } else {
        const lock = early ?? (await backend.lock!(table));
        const blocked = await waitFor(
          'the step blocked mid-transaction',
          () => backend.blockedMidTransaction!(),
          5_000,
          10,
        ).catch(() => false);
        moment = blocked ? `inside the step (waiting on ${table})` : 'after the step (it was done)';
        await server.kill('SIGKILL');
        // The blocked transaction goes on, finds its client gone and rolls back.
        await lock.release();
      }
      await server.kill('SIGKILL');
      const leased = await backend.afterKill();
      server = await backend.start(`${backend.name}-${starts++}`);
      const { torn } = await pub.settled(tracked.at(-1)?.submissionId ?? '', stage);
      tornViews += torn;
      tracked.at(-1)!.stage = stage;
      server = await backend.check(server, async (query) => {
        expect(await pipelineViolations(query, tracked), `round ${round + 1}, ${stage}`).toEqual(
          [],
        );
      });
      log.push(
        `round ${round + 1} (${mode}), ${stage}: killed ${moment}` +
          (leased.length ? `; lease of ${leased.join(', ')} expired` : ''),
      );
      return answer;
    };

    // Validation: publish, crash, resume → in review.
    let submissionId = '';
    await step(
      'in-review',
      async () => {
        const answer = await pub.submit();
        submissionId = answer.json?.current?.id;
        tracked.push({ ...offer, submissionId, stage: 'in-review', recipients });
        return answer;
      },
      201,
    );
    // Preview: the reviewer approves, crash, resume → preview; the decision notified once.
    await step('preview', () => pub.approve(submissionId), 200);
    // Go live: the publisher signs off, crash, resume → published, live, one history entry.
    await step('published', () => pub.goLive(submissionId), 200);
  }
  server = await backend.check(server, async (query) => {
    await expectInvariants(query);
    log.push(`jobs that ran twice (replayed after a kill): ${await replays(query)}`);
    // Views read one snapshot: none of them may show half of a step.
    expect(tornViews, "publish views showing half of a step's commit").toBe(0);
  });
  return { server, log };
}

describe.skipIf(!clusterInfo())(
  'publishing killed (SIGKILL) between and inside its steps, on PostgreSQL',
  () => {
    let server: Cosell | undefined;
    let client: pg.Client | undefined;

    afterEach(async () => {
      await client?.end().catch(() => {});
      if (server) {
        const stopped = await server.stop();
        expectNoUnhandledErrors(server);
        expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
      }
      server = undefined;
    });

    it('1a. validation, preview and Go live each resume after a SIGKILL (after the answer, after 0–300 ms, mid-transaction): one live version, one history entry, notified once', async () => {
      await ensurePgUp();
      const db = await freshDatabase('pubkill');
      const admin = await adminClient(db.name);
      client = admin;
      const dataDir = tmpDir('data');
      const query: Query = (sql, params) => admin.query(sql, params as unknown[]);
      const backend: Backend = {
        name: 'postgres-publish',
        start: (name) => startCosell({ name, env: { DATABASE_URL: db.url, DATA_DIR: dataDir } }),
        afterKill: async () => {
          await waitFor(
            'the killed process’s database sessions gone',
            async () => (await cosellBackends(admin, db.name)).length === 0,
          );
          return (await query(EXPIRE_LEASES)).rows.map((r) => String(r.kind));
        },
        check: async (running, work) => {
          await waitFor(
            'no due job left',
            async () => (await query(UNFINISHED_JOBS)).rows.length === 0,
            20_000,
            100,
          );
          await work(query);
          return running;
        },
        // EXCLUSIVE (not ACCESS EXCLUSIVE): the step still reads the table, and waits to write it.
        lock: async (table) => {
          const holder = await adminClient(db.name);
          await holder.query('begin');
          await holder.query(`lock table ${table} in exclusive mode`);
          return {
            release: async () => {
              await holder.query('commit').catch(() => {});
              await holder.end().catch(() => {});
            },
          };
        },
        blockedMidTransaction: async () =>
          (await cosellBackends(admin, db.name)).some(
            (b) => b.wait_event_type === 'Lock' && b.backend_xid !== null,
          ),
      };
      const result = await crashRounds(backend, ['answer', 'delay', 'mid-step']);
      server = result.server;
      console.log(`PostgreSQL:\n  ${result.log.join('\n  ')}`);
    });

    it('1c. the publish view read while Go live commits shows all of the step or none of it', async () => {
      await ensurePgUp();
      const db = await freshDatabase('pubview');
      const admin = await adminClient(db.name);
      client = admin;
      const query: Query = (sql, params) => admin.query(sql, params as unknown[]);
      server = await startCosell({
        name: 'postgres-publish-view',
        env: { DATABASE_URL: db.url, DATA_DIR: tmpDir('data') },
      });
      const running = server;
      const vendorAdmin = await setUp(running.url);
      const partner = await partnerOf(running.url, vendorAdmin);
      const offer = await completeOffer(running.url, partner);
      const pub = publication(() => running.url, partner, offer, vendorAdmin);
      const submitted = await pub.submit();
      expect(submitted.status, submitted.text.slice(0, 300)).toBe(201);
      const id = submitted.json.current.id as string;
      await pub.settled(id, 'in-review');
      expect((await pub.approve(id)).status).toBe(200);
      await pub.settled(id, 'preview');

      const hold = async (table: string, mode: string) => {
        const holder = await adminClient(db.name);
        await holder.query('begin');
        await holder.query(`lock table ${table} in ${mode} mode`);
        return async () => {
          await holder.query('commit').catch(() => {});
          await holder.end().catch(() => {});
        };
      };
      const lockWaits = async () =>
        (await cosellBackends(admin, db.name)).filter((b) => b.wait_event_type === 'Lock').length;
      // Go live's step waits before its last write; the publish view is then read, and waits
      // on the offer's contacts, after it read the offer; the step commits in between.
      const releaseHistory = await hold('offer_status_history', 'exclusive');
      let view: Answer;
      try {
        expect((await pub.goLive(id)).status).toBe(200);
        await waitFor('Go live waiting mid-step', async () => (await lockWaits()) === 1);
        const releaseContacts = await hold('offer_contacts', 'access exclusive');
        try {
          const reading = pub.view();
          await waitFor('the view waiting on the contacts', async () => (await lockWaits()) === 2);
          await releaseHistory();
          await waitFor(
            'Go live committed',
            async () =>
              (await query(`select 1 from submissions where id = $1 and state = 'published'`, [id]))
                .rows.length === 1,
          );
          await releaseContacts();
          view = await reading;
        } finally {
          await releaseContacts();
        }
      } finally {
        await releaseHistory();
      }
      const seen = {
        submission: (view.json.submissions as { id: string; state: string }[]).find(
          (s) => s.id === id,
        )?.state,
        publishStatus: view.json.offer.publishStatus,
        liveVersionId: view.json.offer.liveVersionId,
      };
      await waitFor(
        'no due job left',
        async () => (await query(UNFINISHED_JOBS)).rows.length === 0,
        20_000,
        100,
      );
      const recipients = partner.people.map((p) => p.email);
      expect(
        await pipelineViolations(query, [
          { ...offer, submissionId: id, stage: 'published', recipients },
        ]),
      ).toEqual([]);
      // The view reads one snapshot (REPEATABLE READ): all of the step or none of it.
      expect([
        { submission: 'publishing', publishStatus: 'publish-in-progress', liveVersionId: null },
        { submission: 'published', publishStatus: 'live', liveVersionId: expect.any(String) },
      ]).toContainEqual(seen);
    });
  },
);

describe('publishing killed (SIGKILL) between its steps, on embedded PGlite', () => {
  let server: Cosell | undefined;

  afterEach(async () => {
    if (server) {
      const stopped = await server.stop();
      expectNoUnhandledErrors(server);
      expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
    }
    server = undefined;
  });

  it('1b. validation, preview and Go live each resume after a SIGKILL (after the answer, after 0–300 ms) on PGlite', async () => {
    const dataDir = tmpDir('pglite');
    /** Opens the data folder directly (the server is not running). */
    const withPglite = async <T>(work: (query: Query) => Promise<T>) => {
      const pglite = new PGlite(path.join(dataDir, 'pglite'));
      try {
        return await work(async (sql, params) => ({
          rows: (await pglite.query<Record<string, unknown>>(sql, params as unknown[])).rows,
        }));
      } finally {
        await pglite.close();
      }
    };
    let starts = 0;
    const start = (name: string) =>
      startCosell({
        name: `${name}-${starts++}`,
        env: { DATA_DIR: dataDir },
        readyTimeoutMs: 60_000,
      });
    const backend: Backend = {
      name: 'pglite-publish',
      start,
      afterKill: () =>
        withPglite(async (query) => (await query(EXPIRE_LEASES)).rows.map((r) => String(r.kind))),
      check: async (running, work) => {
        // The worker runs the mail jobs right after the step: give it a moment, then stop it
        // (it finishes the job in hand) and read the rows directly.
        await sleep(1_000);
        const stopped = await running.stop();
        expectNoUnhandledErrors(running);
        expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
        await withPglite(async (query) => {
          expect((await query(UNFINISHED_JOBS)).rows, 'no due job left').toEqual([]);
          await work(query);
        });
        return start('pglite-publish-checked');
      },
    };
    const result = await crashRounds(backend, ['answer', 'delay']);
    server = result.server;
    console.log(`PGlite:\n  ${result.log.join('\n  ')}`);
  });
});

// ---------------------------------------------------------------------------------------------
// Scenario 2: two processes, two workers, one queue

/** Mails written to the log (no SMTP_URL): to, subject and the offer they link to. */
function mailsIn(output: string) {
  const mails: string[] = [];
  for (const line of output.split('\n')) {
    if (!line.includes('"mail"')) continue;
    try {
      const entry = JSON.parse(line) as {
        msg?: string;
        mail?: { to: string; subject: string; text: string };
      };
      if (!entry.mail || !entry.msg?.startsWith('mail')) continue;
      const offer = /\/offers\/([0-9a-f-]{36})/.exec(entry.mail.text)?.[1] ?? '';
      mails.push(`${entry.mail.to} | ${entry.mail.subject} | ${offer}`);
    } catch {
      // not a log entry
    }
  }
  return mails;
}

describe.skipIf(!clusterInfo())('two cosell processes working one job queue', () => {
  const servers: Cosell[] = [];
  let admin: pg.Client | undefined;

  afterEach(async () => {
    await admin?.end().catch(() => {});
    admin = undefined;
    for (const s of servers.splice(0)) {
      const stopped = await s.stop();
      expectNoUnhandledErrors(s);
      expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
    }
  });

  it('2. 20 offers published, approved and taken live through two processes: every job runs once, nothing notified or mailed twice', async () => {
    await ensurePgUp();
    const db = await freshDatabase('pubtwo');
    admin = await adminClient(db.name);
    const query: Query = (sql, params) => admin!.query(sql, params as unknown[]);
    const dataDir = tmpDir('data');
    const env = { DATABASE_URL: db.url, DATA_DIR: dataDir };
    const a = await startCosell({ name: 'publish-two-a', env });
    servers.push(a);
    const vendorAdmin = await setUp(a.url);
    const partner = await partnerOf(a.url, vendorAdmin);
    const offers: OfferRef[] = [];
    for (let i = 0; i < 20; i++) offers.push(await completeOffer(a.url, partner));
    const b = await startCosell({ name: 'publish-two-b', env });
    servers.push(b);
    const through = (i: number) => (i % 2 === 0 ? a : b);
    const pubs = offers.map((offer, i) =>
      publication(() => through(i).url, partner, offer, vendorAdmin),
    );

    const states = async (wanted: string) => {
      const { rows } = await query(
        `select count(*)::int n from submissions where state = $1 and offer_id = any($2::uuid[])`,
        [wanted, offers.map((o) => o.offerId)],
      );
      return rows[0]!.n === offers.length;
    };
    const submitted = await Promise.all(pubs.map((p) => p.submit()));
    for (const s of submitted) expect(s.status, s.text.slice(0, 300)).toBe(201);
    const ids = submitted.map((s) => s.json.current.id as string);
    await waitFor('every submission in review', () => states('in-review'), 30_000, 100);
    const approved = await Promise.all(pubs.map((p, i) => p.approve(ids[i]!)));
    for (const s of approved) expect(s.status, s.text.slice(0, 300)).toBe(200);
    await waitFor('every submission in preview', () => states('preview'), 30_000, 100);
    const live = await Promise.all(pubs.map((p, i) => p.goLive(ids[i]!)));
    for (const s of live) expect(s.status, s.text.slice(0, 300)).toBe(200);
    await waitFor('every submission published', () => states('published'), 30_000, 100);
    await waitFor(
      'no due job left',
      async () => (await query(UNFINISHED_JOBS)).rows.length === 0,
      30_000,
      100,
    );

    const recipients = partner.people.map((p) => p.email);
    const tracked: Tracked[] = offers.map((offer, i) => ({
      ...offer,
      submissionId: ids[i]!,
      stage: 'published',
      recipients,
    }));
    expect(await pipelineViolations(query, tracked)).toEqual([]);
    const { rows: jobs } = await query(
      `select kind, count(*)::int n, count(done_at)::int done, max(attempts)::int max_attempts
         from jobs group by kind order by kind`,
    );
    const byKind = Object.fromEntries(jobs.map((j) => [j.kind, j]));
    for (const kind of ['publish.validate', 'publish.preview', 'publish.go-live'])
      expect(byKind[kind], kind).toMatchObject({ n: 20, done: 20, max_attempts: 1 });
    // review.passed and status.changed to two people for each of 20 offers
    expect(byKind['mail.notification']).toMatchObject({ n: 80, done: 80, max_attempts: 1 });
    // Every job of the pipeline ran once; (only the badge sweep queued before /api/setup ran
    // again, after its first attempt failed: "program not set up").
    for (const j of jobs.filter((j) => /^(publish|mail|status)\./.test(String(j.kind))))
      expect(j.max_attempts, `${String(j.kind)} ran once`).toBe(1);

    await expectInvariants(query);
    // The mails, from the logs of both (complete once they stopped).
    for (const s of servers.splice(0)) {
      const stopped = await s.stop();
      expectNoUnhandledErrors(s);
      expect(stopped, 'a clean stop').toEqual({ code: 0, signal: null });
    }
    // Notification mails link to their offer (the invitations mailed at the start do not).
    const ours = new Set(offers.map((o) => o.offerId));
    const aboutOffers = (output: string) =>
      mailsIn(output).filter((m) => ours.has(m.split(' | ')[2]!));
    const fromA = aboutOffers(a.output());
    const fromB = aboutOffers(b.output());
    const all = [...fromA, ...fromB];
    expect(all.length, 'notification mails sent').toBe(80);
    expect(new Set(all).size, 'each mail once').toBe(80);
    console.log(
      `two processes: ${jobs.map((j) => `${String(j.kind)} ${String(j.n)}`).join(', ')}; ` +
        `mails sent by A ${fromA.length}, by B ${fromB.length}`,
    );
  });

  it('2b. a worker that outlives its lease mid-step (Go live held on a lock) while the other process takes the job again: the step applies once', async () => {
    await ensurePgUp();
    const db = await freshDatabase('publease');
    admin = await adminClient(db.name);
    const client = admin;
    const query: Query = (sql, params) => client.query(sql, params as unknown[]);
    const env = { DATABASE_URL: db.url, DATA_DIR: tmpDir('data') };
    const a = await startCosell({ name: 'publish-lease-a', env });
    servers.push(a);
    const vendorAdmin = await setUp(a.url);
    const partner = await partnerOf(a.url, vendorAdmin);
    const offer = await completeOffer(a.url, partner);
    const b = await startCosell({ name: 'publish-lease-b', env });
    servers.push(b);
    const pub = publication(() => a.url, partner, offer, vendorAdmin);
    const submitted = await pub.submit();
    expect(submitted.status, submitted.text.slice(0, 300)).toBe(201);
    const id = submitted.json.current.id as string;
    await pub.settled(id, 'in-review');
    expect((await pub.approve(id)).status).toBe(200);
    await pub.settled(id, 'preview');

    // Go live's step waits on the history table after writing the submission, the offer and
    // the status row; its lease then runs out and the other process's worker takes the job.
    const holder = await adminClient(db.name);
    await holder.query('begin');
    await holder.query('lock table offer_status_history in exclusive mode');
    const waiting = async () =>
      (await cosellBackends(client, db.name)).filter(
        (x) => x.wait_event_type === 'Lock' && x.backend_xid !== null,
      ).length;
    try {
      expect((await pub.goLive(id)).status).toBe(200);
      await waitFor(
        'the Go live step blocked mid-transaction',
        async () => (await waiting()) === 1,
      );
      const expired = await query(EXPIRE_LEASES);
      expect(expired.rows.map((r) => r.kind)).toEqual(['publish.go-live']);
      // The second worker claims it (attempt 2) and waits for the first one's row lock.
      await waitFor(
        'the job taken again, its second run waiting on the first',
        async () =>
          (
            await query(
              `select 1 from jobs where kind = 'publish.go-live' and attempts = 2 and done_at is null`,
            )
          ).rows.length === 1 && (await waiting()) === 2,
        10_000,
      );
    } finally {
      await holder.query('commit').catch(() => {});
      await holder.end().catch(() => {});
    }
    await pub.settled(id, 'published');
    await waitFor(
      'no due job left',
      async () => (await query(UNFINISHED_JOBS)).rows.length === 0,
      20_000,
      100,
    );
    const tracked: Tracked[] = [
      {
        ...offer,
        submissionId: id,
        stage: 'published',
        recipients: partner.people.map((p) => p.email),
      },
    ];
    expect(await pipelineViolations(query, tracked)).toEqual([]);
    const { rows } = await query(
      `select attempts, done_at is not null as done from jobs where kind = 'publish.go-live'`,
    );
    expect(rows).toEqual([{ attempts: 2, done: true }]);
    await expectInvariants(query);
  });
});
