// Benchmark P6 of QUALITY.md, end to end: "a policy-switch preview over 100,000 offers in
// ≤ 10 s". `POST /api/program/policy/preview {policyId:'2023'}` as the demo program admin, over
// HTTP, against cosell running in its own process, on PostgreSQL (and, smaller, on PGlite).
// Usage: node scripts/build.mjs server && node bench/policy-preview.mjs
//          [--offers 100000] [--orgs 500] [--runs 5] [--pglite-offers 10000] (0 skips PGlite)
//
// The offers are written straight into the database with SQL (INSERT … SELECT FROM
// generate_series, as the owner role, so row-level security does not apply): ~500 partner
// organisations (kind 'partner') with program profiles (PartnerID, revenue, gold competency,
// Solutions Partner designation, ISV Connect), each offer with one live version whose snapshot
// holds the offer fields, the listing (filled or not), 1–7 documents and 1–4 contacts (one in
// Partner sales), the published submission with the reviewer's findings (technical validation,
// revenue verified), a stored status and its history entry. 5 % of the offers also have an
// update in review (a second version and an open submission), 4 % are stop-sold, and 5 % more
// offers are drafts that never went live (the preview must skip them). Every random choice is
// a hash of the offer number, so two runs seed the same data.
//
// The baseline runs in this process against the same database: the rows the preview reads,
// read with `pg` as plain SQL (the repository's query, keyset pages of 5,000, as the owner role:
// no row-level security, no transaction scope), parsed by the driver and nothing else done
// with them. The ratio is cosell's round trip ÷ the baseline's time: what cosell costs over
// reading the data. Baseline and cosell runs are interleaved, after one warm-up each.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'package.json'));
const pg = require('pg');

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const OFFERS = arg('offers', 100_000);
const ORGS = arg('orgs', 500);
const RUNS = arg('runs', 5);
const PGLITE_OFFERS = arg('pglite-offers', 10_000);
const PAGE = 5_000;
const PASSWORD = 'cosell-demo-2026';
const ADMIN = 'admin@microsoft.example';
const CANDIDATE = '2023';
const serverUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `cosell_bench_p6_${process.pid}`;
const databaseUrl = serverUrl.replace(/\/[^/]*$/, `/${dbName}`);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'cosell-bench-p6e2e-'));
const cli = path.join(root, 'dist/cosell.js');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;
const n = (x) => x.toLocaleString('en');

// ---------------------------------------------------------------------------------------------
// Seeding with SQL

// prettier-ignore
const COUNTRIES = [
  'US', 'CA', 'MX', 'BR', 'AR', 'GB', 'IE', 'FR', 'DE', 'NL', 'BE', 'SE', 'NO', 'DK', 'FI',
  'PL', 'CZ', 'AT', 'CH', 'IT', 'ES', 'PT', 'CN', 'TW', 'JP', 'KR', 'IN', 'SG', 'AU', 'NZ',
];
/** Offer types with their cumulative share (weights of bench/status-engine.mjs). */
const OFFER_TYPES = [
  ['saas', 30],
  ['azure-application', 10],
  ['azure-virtual-machine', 10],
  ['azure-container', 5],
  ['iot-edge-module', 3],
  ['dynamics-365-dataverse-power-apps', 8],
  ['dynamics-365-operations-apps', 5],
  ['dynamics-365-business-central', 7],
  ['consulting-service', 10],
  ['managed-service', 5],
  ['power-bi-app', 5],
  ['office-add-in', 2],
];
const DOCUMENTS = [
  ['one-pager', 'One pager.pdf', 'application/pdf'],
  [
    'pitch-deck',
    'Pitch deck.pptx',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
  ['customer-case-study', 'Case study.pdf', 'application/pdf'],
  [
    'verifiable-customer-wins',
    'Customer wins.docx',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    'channel-pitch-deck',
    'Channel deck.pptx',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  ],
  ['reference-architecture-diagram', 'Architecture.pdf', 'application/pdf'],
  ['other', 'Product demo.mp4', 'video/mp4'],
];
const PLATFORMS = [
  'azure',
  'dynamics-365',
  'microsoft-365',
  'power-platform',
  'windows',
  'microsoft-teams',
  'github',
  'microsoft-fabric',
  'microsoft-security',
  'surface',
];
const SEGMENTS = ['smb', 'corporate', 'enterprise'];
const AREAS = {
  'data-ai': ['analytics', 'ai-apps', 'databases', 'data-governance'],
  infrastructure: [
    'migrate-modernize',
    'hybrid-multicloud',
    'sap-on-azure',
    'high-performance-computing',
  ],
  security: ['identity-access', 'threat-protection', 'cloud-security', 'information-protection'],
  'modern-work': [
    'meetings-collaboration',
    'frontline-workers',
    'employee-experience',
    'endpoint-management',
  ],
  'business-applications': [
    'customer-engagement',
    'finance-operations',
    'low-code',
    'small-medium-business',
  ],
};
const ROLES = [
  'partner-sales',
  'partner-marketing',
  'partner-technical-sales',
  'partner-customer-success-manager',
];

const lit = (s) => `'${String(s).replace(/'/g, "''")}'`;
const textArray = (xs) => `array[${xs.map(lit).join(', ')}]::text[]`;

/**
 * The seeding statements: `offers` live offers (and 5 % drafts) across `orgs` new partner
 * organisations. bench_r(i, key) is a uniform number in [0, 1) hashed from (i, key).
 */
function seedStatements(offers, orgs) {
  let cumulative = 0;
  const total = OFFER_TYPES.reduce((s, [, w]) => s + w, 0);
  const typeCase = OFFER_TYPES.map(([type, weight]) => {
    cumulative += weight;
    return `when r_type < ${cumulative / total} then ${lit(type)}`;
  }).join(' ');
  const areaIds = Object.keys(AREAS);
  const areaSubs = `jsonb_build_object(${areaIds.map((a) => `${lit(a)}, to_jsonb(${textArray(AREAS[a])})`).join(', ')})`;
  const drafts = Math.round(offers * 0.05);
  return [
    `create or replace function bench_r(i bigint, k text) returns float8 language sql immutable as $$
       select ('x' || substr(md5($1::text || ':' || $2), 1, 12))::bit(48)::bigint / 281474976710656.0
     $$`,
    `create or replace function bench_id(k text) returns uuid language sql immutable as $$
       select md5('cosell-bench-p6:' || $1)::uuid
     $$`,
    `create temp table bench_orgs as
       select n, bench_id('org' || n) as id from generate_series(1, ${orgs}) n`,
    `insert into organisations (id, kind, name, created_at)
       select id, 'partner', 'Bench Partner ' || lpad(n::text, 4, '0'), '2019-01-01'::timestamptz
       from bench_orgs`,
    // 1 % of the partners have no profile; PartnerIDs are unique.
    `insert into program_profiles (organisation_id, partner_id, marketplace_account_active,
        business_profile_complete, azure_consumed_revenue_usd, marketplace_billed_revenue_usd,
        gold_competency, solutions_partner_designations, isv_connect, provenance, updated_at, version)
       select id,
         case when bench_r(n, 'pid') < 0.98 then (4000000 + n)::text end,
         bench_r(n, 'mkt') < 0.98, bench_r(n, 'bp') < 0.97,
         case when bench_r(n, 'acr') < 0.5 then floor(bench_r(n, 'acr1') * 99999)
              else 100000 + floor(bench_r(n, 'acr2') * 4900000) end,
         case when bench_r(n, 'mbr') < 0.6 then floor(bench_r(n, 'mbr1') * 99999)
              else 100000 + floor(bench_r(n, 'mbr2') * 1900000) end,
         bench_r(n, 'gold') < 0.6,
         case when bench_r(n, 'sp') < 0.6 then array['Infrastructure (Azure)']
              when bench_r(n, 'sp') < 0.7 then array['Data & AI (Azure)', 'Security']
              else '{}'::text[] end,
         (array['none', 'standard', 'premium'])[1 + floor(bench_r(n, 'isv') * 3)::int],
         jsonb_build_object(
           'partnerId', jsonb_build_object('setBy', null, 'setAt', '2024-03-01T09:00:00.000Z',
             'source', 'partner', 'verifiedBy', null, 'verifiedAt', null),
           'azureConsumedRevenueUsd', jsonb_build_object('setBy', null,
             'setAt', '2025-06-30T22:00:00.000Z', 'source', 'import', 'verifiedBy', null,
             'verifiedAt', '2025-07-01T08:00:00.000Z')),
         '2025-07-01T08:00:00Z', 1 + floor(bench_r(n, 'ver') * 5)::int
       from bench_orgs where bench_r(n, 'profile') >= 0.01`,
    // The offers' facts, one row each (live ones first, then the drafts).
    `create temp table bench_offers as
       with base as (
         select i, o.id as org_id, o.n as org_n, bench_id('offer' || i) as id,
           bench_id('v1:' || i) as v1, bench_id('v2:' || i) as v2,
           bench_id('s1:' || i) as s1, bench_id('s2:' || i) as s2,
           i > ${offers} as draft,
           bench_r(i, 'type') as r_type,
           1 + floor(bench_r(i, 'nm') * 6)::int as n_markets,
           bench_r(i, 'stop') < 0.04 as stop_sold,
           bench_r(i, 'upd') < 0.05 as in_review,
           bench_r(i, 'listing') < 0.98 as listing_filled,
           bench_r(i, 'alldocs') < 0.7 as all_documents,
           bench_r(i, 'ooo') < 0.4 as sales_everywhere,
           floor(bench_r(i, 'others') * 4)::int as other_contacts,
           timestamptz '2019-01-01' + (bench_r(i, 'created') * 7 * 365) * interval '1 day' as created_at
         from generate_series(1, ${offers + drafts}) i
         join bench_orgs o on o.n = 1 + (i % ${orgs})
       )
       select base.*,
         case ${typeCase} else 'saas' end as offer_type,
         array(select c from unnest(${textArray(COUNTRIES)}) c
               order by md5(c || base.i::text) limit base.n_markets) as markets,
         bench_r(i, 'tx') < 0.6 as transactable,
         bench_r(i, 'price') < 0.8 as priced,
         bench_r(i, 'csp') < 0.5 as csp
       from base`,
    `alter table bench_offers add column cosell jsonb, add column snapshot jsonb`,
    `update bench_offers b set cosell = jsonb_build_object(
       'listing', jsonb_build_object(
         'platforms', case when listing_filled then to_jsonb(array(
             select p from unnest(${textArray(PLATFORMS)}) p order by md5(p || b.i::text)
             limit 1 + floor(bench_r(b.i, 'np') * 4)::int)) else '[]'::jsonb end,
         'segments', case when listing_filled then to_jsonb(array(
             select s from unnest(${textArray(SEGMENTS)}) s order by md5(s || b.i::text)
             limit 1 + floor(bench_r(b.i, 'ns') * 3)::int)) else '[]'::jsonb end,
         'solutionType', (array['ip', 'ip', 'ip', 'ip', 'ip', 'ip', 'service', 'managed-service',
             'device', null])[1 + floor(bench_r(b.i, 'st') * 10)::int],
         'solutionAreas', case when listing_filled then coalesce((
             select jsonb_agg(jsonb_build_object('areaId', a,
               'subAreaIds', case when bench_r(b.i, 'sub' || a) < 0.98
                 then jsonb_path_query_array(${areaSubs} -> a, ('$[0 to ' || floor(bench_r(b.i, 'nsub' || a) * 2)::int || ']')::jsonpath)
                 else '[]'::jsonb end))
             from (select a from unnest(${textArray(areaIds)}) a order by md5(a || b.i::text)
                   limit 1 + floor(bench_r(b.i, 'na') * 3)::int) areas), '[]'::jsonb)
           else '[]'::jsonb end),
       'landingPageUrl', case when bench_r(b.i, 'lp') < 0.97
         then 'https://partner' || b.org_n || '.example/offers/' || b.i end)`,
    `update bench_offers b set snapshot = jsonb_build_object(
       'fields', jsonb_build_object(
         'name', 'Offer ' || b.i, 'alias', 'offer-' || b.i, 'offerType', b.offer_type,
         'summary', 'Bench offer ' || b.i || ' for ' || array_to_string(b.markets, ', '),
         'description', repeat('A realistic product description. ', 8),
         'markets', to_jsonb(b.markets), 'transactable', b.transactable,
         'pricedAboveZero', b.priced, 'cspOptIn', b.csp),
       'cosell', b.cosell,
       'documents', coalesce((
         select jsonb_agg(jsonb_build_object(
             'id', bench_id('doc' || b.i || d.kind), 'kind', d.kind, 'fileName', d.file,
             'contentType', d.type, 'sizeBytes', 20000 + floor(bench_r(b.i, 'size' || d.kind) * 5000000)::int,
             'sha256', md5(b.i || d.kind) || md5(d.kind || b.i),
             'blobKey', 'org/' || b.org_id || '/offer/' || b.id || '/' || bench_id('doc' || b.i || d.kind))
           order by d.ord)
         from unnest(${textArray(DOCUMENTS.map((d) => d[0]))}, ${textArray(DOCUMENTS.map((d) => d[1]))},
                     ${textArray(DOCUMENTS.map((d) => d[2]))}) with ordinality as d(kind, file, type, ord)
         where b.all_documents or bench_r(b.i, 'doc' || d.kind) < 0.8), '[]'::jsonb),
       'contacts', jsonb_build_array(jsonb_build_object(
           'name', 'Seller ' || b.i, 'email', 'seller' || b.i || '@partner' || b.org_n || '.example',
           'jobTitle', 'Account executive', 'role', 'partner-sales',
           'countries', case when b.sales_everywhere then '["OOO"]'::jsonb
             else to_jsonb(array(select m from unnest(b.markets) m where bench_r(b.i, 'cm' || m) < 0.98)) end,
           'states', '[]'::jsonb))
         || coalesce((select jsonb_agg(jsonb_build_object(
             'name', 'Person ' || b.i || '-' || k, 'email', 'person' || b.i || '-' || k || '@partner' || b.org_n || '.example',
             'jobTitle', 'Partner manager',
             'role', (${textArray(ROLES)})[1 + floor(bench_r(b.i, 'role' || k) * 4)::int],
             'countries', to_jsonb(array(select c from unnest(${textArray([...COUNTRIES, 'OOO'])}) c
               order by md5(c || b.i::text || k::text) limit 1 + floor(bench_r(b.i, 'nc' || k) * 4)::int)),
             'states', '[]'::jsonb))
           from generate_series(1, b.other_contacts) k), '[]'::jsonb))`,
    `insert into offers (organisation_id, id, name, alias, offer_type, summary, description, markets,
        transactable, priced_above_zero, csp_opt_in, lifecycle_state, publish_status, live_version_id,
        cosell, created_at, updated_at, version, contacts_version)
       select org_id, id, snapshot #>> '{fields,name}', snapshot #>> '{fields,alias}', offer_type,
         snapshot #>> '{fields,summary}', snapshot #>> '{fields,description}', markets,
         transactable, priced, csp,
         case when draft then 'draft' when stop_sold then 'stop-sold' else 'live' end,
         case when draft then 'draft' when in_review then 'publish-in-progress' else 'live' end,
         case when not draft then v1 end,
         cosell, created_at, created_at + interval '3 days', 4, 2
       from bench_offers`,
    `insert into offer_versions (organisation_id, offer_id, id, number, snapshot, created_at)
       select org_id, id, v1, 1, snapshot, created_at + interval '1 day' from bench_offers where not draft
       union all
       select org_id, id, v2, 2,
         jsonb_set(snapshot, '{cosell,landingPageUrl}', to_jsonb('https://partner' || org_n || '.example/v2/' || i)),
         created_at + interval '400 days'
       from bench_offers where in_review and not draft`,
    `insert into submissions (organisation_id, id, offer_id, version_id, sections, state, problems,
        offer_was_live, submitted_at, review, updated_at, version)
       select org_id, s1, id, v1, array['offer-setup', 'cosell'], 'published', '[]'::jsonb, false,
         created_at + interval '1 day',
         jsonb_build_object('reviewerId', null, 'decision', 'approve',
           'report', case when bench_r(i, 'report') < 0.5 then 'Looks good.' else '' end,
           'technicalValidation', (array['passed', 'passed', 'passed', 'not-assessed', 'failed'])[1 + floor(bench_r(i, 'tv') * 5)::int],
           'revenueVerified', bench_r(i, 'rv') < 0.9,
           'decidedAt', to_char((created_at + interval '2 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')),
         created_at + interval '3 days', 5
       from bench_offers where not draft
       union all
       select org_id, s2, id, v2, array['cosell'], 'in-review', '[]'::jsonb, true,
         created_at + interval '400 days', null, created_at + interval '400 days', 2
       from bench_offers where in_review and not draft`,
    // A stored status for every live offer: plausible, not recomputed (the preview recomputes).
    `create temp table bench_statuses as
       select b.org_id, b.id,
         case
           when p.partner_id is null or b.stop_sold then 'not-cosell-ready'
           when b.offer_type in ('saas', 'azure-application', 'azure-virtual-machine', 'azure-container', 'iot-edge-module')
             and p.azure_consumed_revenue_usd >= 100000 then 'azure-ip-cosell-incentivized'
           when b.offer_type in ('dynamics-365-dataverse-power-apps', 'dynamics-365-operations-apps')
             and p.isv_connect = 'premium' then 'business-applications-premium'
           when b.offer_type in ('dynamics-365-dataverse-power-apps', 'dynamics-365-operations-apps')
             and p.isv_connect = 'standard' then 'business-applications-standard'
           else 'cosell-ready' end as status,
         b.created_at + interval '3 days' as at, b.i
       from bench_offers b left join program_profiles p on p.organisation_id = b.org_id
       where not b.draft`,
    `insert into offer_statuses (organisation_id, offer_id, status, policy_id, qualified_since,
        badge_granted_at, evaluated_at)
       select org_id, id, status, '2021-09',
         case when status <> 'not-cosell-ready' and status <> 'cosell-ready' then at end,
         case when status <> 'not-cosell-ready' and status <> 'cosell-ready'
              and bench_r(i, 'badge') < 0.5 then at + interval '30 days' end,
         at
       from bench_statuses`,
    `insert into offer_status_history (organisation_id, offer_id, status, previous_status, policy_id, cause, at)
       select org_id, id, status, null, '2021-09', 'publish', at from bench_statuses`,
    `drop table bench_statuses`,
    `drop table bench_offers`,
    `drop table bench_orgs`,
    `drop function bench_r(bigint, text)`,
    `drop function bench_id(text)`,
  ];
}

/** Runs the seeding statements with `query`; returns how long it took and the table sizes. */
async function seed(query, offers, orgs) {
  const t0 = performance.now();
  for (const statement of seedStatements(offers, orgs)) await query(statement);
  await query('analyze');
  return performance.now() - t0;
}

// ---------------------------------------------------------------------------------------------
// The baseline: the rows the preview reads, read as plain SQL

/**
 * The columns and joins of listStatusInputs (packages/db/src/publication-repositories.ts): the
 * whole live snapshot, as when P6 was first measured end to end, and (since the one rules
 * engine) the offer's co-sell draft.
 */
const BASELINE_SQL = `select
    o.organisation_id, o.id as offer_id, o.name as offer_name, o.created_at,
    o.lifecycle_state, v.snapshot as live, o.cosell as draft, r.review,
    p.organisation_id as p_organisation_id, p.partner_id as p_partner_id,
    p.marketplace_account_active as p_marketplace_account_active,
    p.business_profile_complete as p_business_profile_complete,
    p.azure_consumed_revenue_usd as p_azure_consumed_revenue_usd,
    p.marketplace_billed_revenue_usd as p_marketplace_billed_revenue_usd,
    p.gold_competency as p_gold_competency,
    p.solutions_partner_designations as p_solutions_partner_designations,
    p.isv_connect as p_isv_connect, p.provenance as p_provenance,
    p.updated_at as p_updated_at, p.version as p_version,
    s.status as s_status, s.policy_id as s_policy_id,
    s.qualified_since as s_qualified_since, s.badge_granted_at as s_badge_granted_at,
    s.evaluated_at as s_evaluated_at
  from offers o
  left join offer_versions v on v.organisation_id = o.organisation_id and v.id = o.live_version_id
  left join offer_statuses s on s.organisation_id = o.organisation_id and s.offer_id = o.id
  left join program_profiles p on p.organisation_id = o.organisation_id
  left join lateral (
    select sub.review from submissions sub
    where sub.organisation_id = o.organisation_id and sub.offer_id = o.id
      and sub.version_id = o.live_version_id and sub.state = 'published'
    order by sub.submitted_at desc, sub.seq desc
    limit 1
  ) r on true
  where (o.live_version_id is not null or s.offer_id is not null)
    and (o.organisation_id, o.id) > ($1::uuid, $2::uuid)
  order by o.organisation_id, o.id
  limit ${PAGE}`;

/**
 * pg's type parsers, except that timestamps and dates stay text: what drizzle's node-postgres
 * driver (cosell's) asks for, so that the baseline does not pay for Date objects cosell never
 * makes. JSON is parsed (JSON.parse), as in cosell.
 */
const RAW_DATE_TYPES = [1082, 1114, 1184, 1186, 1182, 1115, 1185, 1187, 1231];
const RAW_DATES = {
  getTypeParser: (typeId, format) =>
    RAW_DATE_TYPES.includes(typeId) ? (value) => value : pg.types.getTypeParser(typeId, format),
};

/** Reads every page with `query` (rows parsed by the driver); returns the time and row count. */
async function baselineOnce(query) {
  const t0 = performance.now();
  let after = ['00000000-0000-0000-0000-000000000000', '00000000-0000-0000-0000-000000000000'];
  let rows = 0;
  for (;;) {
    const page = await query(BASELINE_SQL, after);
    rows += page.length;
    if (page.length < PAGE) break;
    const last = page[page.length - 1];
    after = [last.organisation_id, last.offer_id];
  }
  return { ms: performance.now() - t0, rows };
}

/** Offers the preview must see: the seeded live ones and the demo's (it publishes one). */
async function evaluatedOffers(query) {
  const [row] = await query(`select count(*)::int as n from offers o
    where o.live_version_id is not null
       or exists (select 1 from offer_statuses s where s.organisation_id = o.organisation_id and s.offer_id = o.id)`);
  return row.n;
}

// ---------------------------------------------------------------------------------------------
// cosell in its own process

async function waitFor(url, timeoutMs = 60_000) {
  const start = performance.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (performance.now() - start > timeoutMs) throw new Error(`${url} did not answer`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const children = new Set();
process.on('exit', () => children.forEach((child) => child.kill('SIGKILL')));

function seedDemo(env) {
  const seeded = spawnSync(process.execPath, [cli, 'seed', '--demo'], {
    env: { ...process.env, ...env, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(`seed failed: ${seeded.stderr}`);
}

/** Starts cosell and signs the program admin in. */
async function startCosell(env, port) {
  const child = spawn(process.execPath, [cli, 'serve'], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: 'warn' },
    stdio: ['ignore', process.env.BENCH_VERBOSE ? 'inherit' : 'ignore', 'ignore'],
  });
  children.add(child);
  await waitFor(`http://127.0.0.1:${port}/readyz`);
  const base = `http://127.0.0.1:${port}`;
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
  });
  if (!signIn.ok) throw new Error(`sign-in: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await signIn.json();
  return { child, base, headers: { cookie, 'x-csrf-token': csrfToken } };
}

const stop = async (child) => {
  child.kill('SIGTERM');
  await once(child, 'exit');
  children.delete(child);
};

/** One preview over HTTP: the round trip and the server's answer. */
async function previewOnce(server) {
  const t0 = performance.now();
  const answer = await fetch(`${server.base}/api/program/policy/preview`, {
    method: 'POST',
    headers: { ...server.headers, 'content-type': 'application/json' },
    body: JSON.stringify({ policyId: CANDIDATE }),
  });
  const body = await answer.json();
  const total = performance.now() - t0;
  if (answer.status !== 200) throw new Error(`preview: ${answer.status} ${JSON.stringify(body)}`);
  return { ms: total, body };
}

function describe(body) {
  return (
    `${body.from} → ${body.to}: ${n(body.offers)} offers, ${n(body.gained)} gain, ` +
    `${n(body.lost)} lose (${body.moves.length} pairs)`
  );
}

/** Interleaved rounds of the baseline and the preview, after a warm-up of each. */
async function measure(label, server, baselineQuery, expected) {
  await baselineOnce(baselineQuery);
  const warm = await previewOnce(server);
  if (warm.body.offers !== expected)
    throw new Error(`${label}: the preview saw ${warm.body.offers} offers, not ${expected}`);
  const base = [];
  const runs = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await baselineOnce(baselineQuery);
    if (b.rows !== expected) throw new Error(`${label}: baseline read ${b.rows} rows`);
    base.push(b.ms);
    runs.push(await previewOnce(server));
  }
  const result = {
    baseline: median(base),
    roundTrip: median(runs.map((r) => r.ms)),
    server: median(runs.map((r) => r.body.elapsedMs)),
    body: runs[0].body,
    all: runs.map((r) => Math.round(r.ms)),
    allServer: runs.map((r) => r.body.elapsedMs),
    allBaseline: base.map(Math.round),
  };
  console.log(
    `${label}: round trip ${ms(result.roundTrip)} (server elapsedMs ${ms(result.server)}), ` +
      `baseline ${ms(result.baseline)}, ratio ${(result.roundTrip / result.baseline).toFixed(1)}×; ` +
      `${describe(result.body)}\n  runs ${result.all.join(', ')} ms; server ${result.allServer.join(', ')} ms; ` +
      `baseline ${result.allBaseline.join(', ')} ms`,
  );
  return result;
}

// ---------------------------------------------------------------------------------------------

const admin = new pg.Client({ connectionString: serverUrl });
await admin.connect();
await admin.query(`create database ${dbName}`);
try {
  console.log(
    `P6 end to end: policy-switch preview (active 2021-09 → ${CANDIDATE}) over ${n(OFFERS)} offers ` +
      `of ${n(ORGS)} partners, ${RUNS} runs`,
  );
  seedDemo({ DATABASE_URL: databaseUrl, DATA_DIR: tmp });
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const seedMs = await seed((sql) => client.query(sql), OFFERS, ORGS);
  const { rows: sizes } = await client.query(
    `select pg_size_pretty(pg_total_relation_size('offer_versions')) versions,
       (select count(*) from offers)::int offers, (select count(*) from offer_versions)::int n_versions,
       (select avg(pg_column_size(snapshot))::int from offer_versions) snapshot_bytes,
       (select avg(length(snapshot::text))::int from offer_versions) snapshot_chars`,
  );
  console.log(
    `seeded in ${ms(seedMs)}: ${n(sizes[0].offers)} offers, ${n(sizes[0].n_versions)} versions ` +
      `(${sizes[0].versions}; a snapshot ${n(sizes[0].snapshot_chars)} characters of JSON, ` +
      `${n(sizes[0].snapshot_bytes)} bytes stored)`,
  );

  const postgres = await startCosell({ DATABASE_URL: databaseUrl, DATA_DIR: tmp }, 4831);
  const onPg = await measure(
    'PostgreSQL',
    postgres,
    async (sql, params) =>
      (await client.query({ text: sql, values: params, types: RAW_DATES })).rows,
    await evaluatedOffers(async (sql) => (await client.query(sql)).rows),
  );
  await stop(postgres.child);
  await client.end();

  if (PGLITE_OFFERS > 0) {
    const { PGlite } = await import(require.resolve('@electric-sql/pglite'));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cosell-bench-p6e2e-pglite-'));
    try {
      seedDemo({ DATABASE_URL: '', DATA_DIR: dataDir });
      const orgs = Math.max(1, Math.round((ORGS * PGLITE_OFFERS) / OFFERS));
      const lite = new PGlite(path.join(dataDir, 'pglite'));
      const liteSeedMs = await seed((sql) => lite.query(sql), PGLITE_OFFERS, orgs);
      console.log(
        `PGlite: seeded ${n(PGLITE_OFFERS)} offers of ${orgs} partners in ${ms(liteSeedMs)}`,
      );
      // PGlite is one process's: the baseline reads it here, then cosell opens it.
      // Timestamps as text, as cosell's driver reads them (see RAW_DATES).
      const asText = Object.fromEntries(RAW_DATE_TYPES.map((type) => [type, (value) => value]));
      const liteQuery = async (sql, params) =>
        (await lite.query(sql, params, { parsers: asText })).rows;
      const liteExpected = await evaluatedOffers(liteQuery);
      await baselineOnce(liteQuery);
      const liteBase = [];
      for (let i = 0; i < RUNS; i++) {
        const b = await baselineOnce(liteQuery);
        if (b.rows !== liteExpected) throw new Error(`PGlite baseline read ${b.rows} rows`);
        liteBase.push(b.ms);
      }
      await lite.close();
      const server = await startCosell({ DATABASE_URL: '', DATA_DIR: dataDir }, 4832);
      const warm = await previewOnce(server);
      if (warm.body.offers !== liteExpected)
        throw new Error(`PGlite: the preview saw ${warm.body.offers} offers`);
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await previewOnce(server));
      await stop(server.child);
      const roundTrip = median(runs.map((r) => r.ms));
      const baseline = median(liteBase);
      console.log(
        `PGlite: round trip ${ms(roundTrip)} (server elapsedMs ${ms(median(runs.map((r) => r.body.elapsedMs)))}), ` +
          `baseline (in-process PGlite, same query) ${ms(baseline)}, ratio ${(roundTrip / baseline).toFixed(1)}×; ` +
          `${describe(runs[0].body)}\n  runs ${runs.map((r) => Math.round(r.ms)).join(', ')} ms; ` +
          `baseline ${liteBase.map(Math.round).join(', ')} ms`,
      );
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  console.log(
    `target ≤ 10,000 ms end to end over 100,000 offers: ${
      OFFERS >= 100_000 ? (onPg.roundTrip <= 10_000 ? 'met' : 'NOT met') : 'not measured at 100,000'
    } on PostgreSQL`,
  );
} finally {
  rmSync(tmp, { recursive: true, force: true });
  // BENCH_KEEP=1 keeps the seeded database for profiling (its name is printed).
  if (process.env.BENCH_KEEP) console.log(`kept database ${dbName}`);
  else await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.end();
}
