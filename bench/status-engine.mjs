// Benchmark P6 of QUALITY.md, core part: the co-sell status engine re-evaluating offers, and the
// core step of a policy-switch preview (every offer's status under the active and a candidate
// policy, gains and losses counted by (from, to) pair).
// Usage: node bench/status-engine.mjs [--offers 100000] [--runs 7] [--seed 42]
//                                      [--active 2021-09] [--candidate 2023]
//
// The core is not importable as JavaScript from dist/ (dist/cosell.js bundles it into the CLI
// without exporting it), so this script bundles packages/core/src/program with esbuild into a
// temporary file first; it needs no `npm run build`.
//
// The baseline runs in this process on the same offers: one hand-written function per policy
// that reads the same fields and decides the same status inline, with no policy data, no
// requirement list and no explanations. Before timing, every offer's baseline status is checked
// against the engine's under every policy; a difference stops the run (the baseline mirrors
// packages/core/src/program/policies.ts and must change with it).
import { build } from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const OFFERS = Number(arg('offers', 100_000));
const RUNS = Number(arg('runs', 7));
const SEED = Number(arg('seed', 42));
const ACTIVE = String(arg('active', '2021-09'));
const CANDIDATE = String(arg('candidate', '2023'));

// ---------------------------------------------------------------------------------------------
// The engine, bundled from source.

const tmp = mkdtempSync(path.join(os.tmpdir(), 'cosell-bench-p6-'));
const bundle = path.join(tmp, 'program.mjs');
try {
  await build({
    stdin: {
      contents:
        "export { POLICIES, POLICY_IDS, evaluateStatus, statusOf, statusRank } from './packages/core/src/program/index.ts';",
      resolveDir: root,
      sourcefile: 'bench-status-engine-entry.ts',
      loader: 'ts',
    },
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
} catch (error) {
  rmSync(tmp, { recursive: true, force: true });
  throw error;
}
const { POLICIES, POLICY_IDS, evaluateStatus, statusOf, statusRank } = await import(
  pathToFileURL(bundle).href
);
rmSync(tmp, { recursive: true, force: true });
if (!POLICIES[ACTIVE] || !POLICIES[CANDIDATE])
  throw new Error(`unknown policy: --active ${ACTIVE} --candidate ${CANDIDATE}`);

// ---------------------------------------------------------------------------------------------
// Offers: deterministic (mulberry32), varied; most meet most requirements so that every status
// occurs, organisations share one program profile across their offers.

function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = mulberry32(SEED);
const chance = (p) => random() < p;
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (min, max) => min + Math.floor(random() * (max - min + 1));

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
const TYPE_WEIGHT = OFFER_TYPES.reduce((sum, [, weight]) => sum + weight, 0);
function offerType() {
  let r = random() * TYPE_WEIGHT;
  for (const [type, weight] of OFFER_TYPES) if ((r -= weight) < 0) return type;
  return OFFER_TYPES[0][0];
}
// prettier-ignore
const COUNTRIES = [
  'US', 'CA', 'MX', 'BR', 'AR', 'GB', 'IE', 'FR', 'DE', 'NL', 'BE', 'SE', 'NO', 'DK', 'FI',
  'PL', 'CZ', 'AT', 'CH', 'IT', 'ES', 'PT', 'CN', 'TW', 'JP', 'KR', 'IN', 'SG', 'AU', 'NZ',
];
const DOCUMENT_KINDS = [
  'one-pager',
  'pitch-deck',
  'customer-case-study',
  'verifiable-customer-wins',
  'channel-pitch-deck',
  'reference-architecture-diagram',
  'other',
];
const ROLES = [
  'partner-sales',
  'partner-marketing',
  'partner-technical-sales',
  'partner-customer-success-manager',
];
const SOLUTION_TYPES = [...Array(6).fill('ip'), 'service', 'managed-service', 'device', null];
const ISV_CONNECT = ['none', 'standard', 'premium'];
const VALIDATIONS = ['passed', 'passed', 'passed', 'not-assessed', 'failed'];
const DAY = 86_400_000;
const FIRST_DAY = Date.parse('2019-01-01T00:00:00Z');

function sample(list, min, max) {
  const out = new Set();
  const n = int(min, max);
  while (out.size < n) out.add(pick(list));
  return [...out];
}

const profiles = Array.from({ length: Math.max(1, Math.floor(OFFERS / 20)) }, () =>
  chance(0.01)
    ? null
    : {
        partnerId: chance(0.98) ? String(int(100_000, 9_999_999)) : null,
        marketplaceAccountActive: chance(0.98),
        businessProfileComplete: chance(0.97),
        azureConsumedRevenueUsd: chance(0.5) ? int(0, 99_999) : int(100_000, 5_000_000),
        marketplaceBilledRevenueUsd: chance(0.6) ? int(0, 99_999) : int(100_000, 2_000_000),
        goldCompetency: chance(0.6),
        solutionsPartnerDesignations: chance(0.6) ? ['Infrastructure (Azure)'] : [],
        isvConnect: pick(ISV_CONNECT),
      },
);

function makeOffer() {
  const markets = sample(COUNTRIES, 1, 6);
  const contacts = [];
  if (chance(0.4)) contacts.push({ role: 'partner-sales', countries: ['OOO'] });
  else contacts.push({ role: 'partner-sales', countries: markets.filter(() => chance(0.98)) });
  for (let i = int(0, 3); i > 0; i--)
    contacts.push({ role: pick(ROLES), countries: sample([...COUNTRIES, 'OOO'], 1, 4) });
  return {
    offer: {
      offerType: offerType(),
      live: chance(0.95),
      transactable: chance(0.6),
      pricedAboveZero: chance(0.8),
      markets,
      createdAt: new Date(FIRST_DAY + int(0, 7 * 365) * DAY + int(0, DAY - 1)),
      listing: {
        platforms: chance(0.98) ? int(1, 4) : 0,
        segments: chance(0.98) ? int(1, 3) : 0,
        solutionType: pick(SOLUTION_TYPES),
        solutionAreas: chance(0.98) ? int(1, 5) : 0,
        everyAreaHasSubArea: chance(0.98),
      },
      landingPage: chance(0.97),
      documentKinds: chance(0.7) ? [...DOCUMENT_KINDS] : DOCUMENT_KINDS.filter(() => chance(0.8)),
      contacts,
    },
    profile: pick(profiles),
    review: chance(0.02)
      ? null
      : {
          approved: chance(0.96),
          technicalValidation: pick(VALIDATIONS),
          revenueVerified: chance(0.9),
        },
  };
}

const tGenerate = performance.now();
const offers = Array.from({ length: OFFERS }, makeOffer);
const generateMs = performance.now() - tGenerate;

// ---------------------------------------------------------------------------------------------
// Baseline: the same decisions hand-written per policy (mirrors policies.ts).

const USD_100K = 100_000;
const TRANSACTABLE_FROM = Date.parse('2023-07-11');
const BUSINESS_APPLICATIONS = new Set([
  'dynamics-365-dataverse-power-apps',
  'dynamics-365-operations-apps',
]);
const AZURE_IP = new Set([
  'azure-application',
  'azure-container',
  'azure-virtual-machine',
  'iot-edge-module',
  'saas',
]);

function partnerSalesEverywhere(offer) {
  if (offer.markets.length === 0) return false;
  for (const market of offer.markets) {
    let covered = false;
    for (const contact of offer.contacts) {
      if (contact.role !== 'partner-sales') continue;
      if (contact.countries.includes('OOO') || contact.countries.includes(market)) {
        covered = true;
        break;
      }
    }
    if (!covered) return false;
  }
  return true;
}

/** Co-sell ready in every policy: account, live offer, contacts, approved review. */
function readyBase({ offer, profile, review }) {
  return (
    offer.offerType !== 'office-add-in' &&
    offer.live &&
    profile !== null &&
    Boolean(profile.partnerId) &&
    profile.marketplaceAccountActive &&
    profile.businessProfileComplete &&
    review !== null &&
    review.approved &&
    partnerSalesEverywhere(offer)
  );
}
function listingComplete(listing, segments) {
  return (
    listing.platforms > 0 &&
    (!segments || listing.segments > 0) &&
    listing.solutionType !== null &&
    listing.solutionAreas > 0 &&
    listing.everyAreaHasSubArea
  );
}
const deckAndOnePager = (offer) =>
  offer.documentKinds.includes('one-pager') && offer.documentKinds.includes('pitch-deck');
function revenue({ offer, profile, review }) {
  if (profile === null || review === null || !review.revenueVerified) return false;
  return (
    profile.azureConsumedRevenueUsd >= USD_100K ||
    (offer.transactable && profile.marketplaceBilledRevenueUsd >= USD_100K)
  );
}
const isvConnect = (profile) => profile !== null && profile.isvConnect !== 'none';
const passed = (review) => review !== null && review.technicalValidation === 'passed';

function upper2019or2020(facts) {
  const type = facts.offer.offerType;
  if (AZURE_IP.has(type))
    return revenue(facts) && (type !== 'saas' || passed(facts.review))
      ? 'azure-ip-cosell-incentivized'
      : 'cosell-ready';
  if (BUSINESS_APPLICATIONS.has(type) && isvConnect(facts.profile))
    return 'business-applications-standard';
  return 'cosell-ready';
}
function businessApplications2021(facts) {
  if (!isvConnect(facts.profile)) return 'cosell-ready';
  return facts.profile.isvConnect === 'premium'
    ? 'business-applications-premium'
    : 'business-applications-standard';
}

const BASELINE = {
  2019(facts) {
    if (!readyBase(facts)) return 'not-cosell-ready';
    return upper2019or2020(facts);
  },
  2020(facts) {
    const { offer, profile } = facts;
    const services =
      offer.offerType === 'consulting-service' || offer.offerType === 'managed-service';
    if (
      !readyBase(facts) ||
      !listingComplete(offer.listing, true) ||
      (services && !profile.goldCompetency)
    )
      return 'not-cosell-ready';
    return upper2019or2020(facts);
  },
  '2021-09'(facts) {
    const { offer, profile, review } = facts;
    const type = offer.offerType;
    const services = type === 'consulting-service' || type === 'managed-service';
    if (
      !readyBase(facts) ||
      !listingComplete(offer.listing, true) ||
      !deckAndOnePager(offer) ||
      (services && !profile.goldCompetency) ||
      (BUSINESS_APPLICATIONS.has(type) && !isvConnect(profile))
    )
      return 'not-cosell-ready';
    if (AZURE_IP.has(type)) {
      const byDefault =
        offer.transactable && (type === 'azure-virtual-machine' || type === 'azure-application');
      return revenue(facts) &&
        (byDefault || passed(review)) &&
        offer.documentKinds.includes('reference-architecture-diagram')
        ? 'azure-ip-cosell-incentivized'
        : 'cosell-ready';
    }
    if (BUSINESS_APPLICATIONS.has(type)) return businessApplications2021(facts);
    return 'cosell-ready';
  },
  2023(facts) {
    const { offer, profile, review } = facts;
    const type = offer.offerType;
    if (
      !readyBase(facts) ||
      !listingComplete(offer.listing, false) ||
      !deckAndOnePager(offer) ||
      (type === 'consulting-service' && profile.solutionsPartnerDesignations.length === 0) ||
      (BUSINESS_APPLICATIONS.has(type) && !isvConnect(profile))
    )
      return 'not-cosell-ready';
    if (AZURE_IP.has(type)) {
      return offer.listing.solutionType === 'ip' &&
        revenue(facts) &&
        passed(review) &&
        (type !== 'saas' || offer.documentKinds.includes('reference-architecture-diagram')) &&
        (offer.createdAt.getTime() < TRANSACTABLE_FROM || offer.transactable)
        ? 'azure-ip-cosell-incentivized'
        : 'cosell-ready';
    }
    if (BUSINESS_APPLICATIONS.has(type)) return businessApplications2021(facts);
    return 'cosell-ready';
  },
};
for (const id of POLICY_IDS)
  if (!BASELINE[id]) throw new Error(`no baseline for policy ${id}: add one to this script`);

// ---------------------------------------------------------------------------------------------
// The baseline decides what the engine decides.

const distribution = {};
for (const id of POLICY_IDS) {
  const policy = POLICIES[id];
  const counts = (distribution[id] = {});
  let mismatches = 0;
  for (const facts of offers) {
    const engine = statusOf(facts, policy);
    counts[engine] = (counts[engine] ?? 0) + 1;
    if (BASELINE[id](facts) !== engine) {
      if (mismatches++ < 3)
        console.error(`policy ${id}: engine ${engine}, baseline ${BASELINE[id](facts)}`, facts);
    }
  }
  if (mismatches > 0) {
    console.error(`policy ${id}: ${mismatches} offers where the baseline differs from the engine`);
    process.exit(1);
  }
}

// ---------------------------------------------------------------------------------------------
// Timing: every variant once to warm up, then RUNS interleaved rounds; medians.

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let sink = 0;

function timeLoop(fn, policyArg) {
  const t0 = performance.now();
  let sum = 0;
  for (let i = 0; i < offers.length; i++) sum += statusRank(fn(offers[i], policyArg));
  const ms = performance.now() - t0;
  sink += sum;
  return ms;
}

const evaluationOnly = (facts, policy) => evaluateStatus(facts, policy).status;
const variants = {
  baseline: (id) => timeLoop((facts) => BASELINE[id](facts)),
  statusOf: (id) => timeLoop(statusOf, POLICIES[id]),
  evaluateStatus: (id) => timeLoop(evaluationOnly, POLICIES[id]),
};

/** The preview's core step: both statuses of every offer, changes counted by (from, to). */
function preview(decide) {
  const t0 = performance.now();
  const pairs = new Map();
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < offers.length; i++) {
    const from = decide(offers[i], ACTIVE);
    const to = decide(offers[i], CANDIDATE);
    if (from === to) continue;
    const key = `${from}→${to}`;
    pairs.set(key, (pairs.get(key) ?? 0) + 1);
    if (statusRank(to) > statusRank(from)) gains++;
    else losses++;
  }
  return { ms: performance.now() - t0, pairs, gains, losses };
}
const previewEngine = () => preview((facts, id) => statusOf(facts, POLICIES[id]));
const previewBaseline = () => preview((facts, id) => BASELINE[id](facts));

const times = {};
for (const name of Object.keys(variants))
  for (const id of POLICY_IDS) {
    times[`${name} ${id}`] = [];
    variants[name](id); // warm-up
  }
const previewTimes = { engine: [], baseline: [] };
previewEngine();
previewBaseline();

for (let run = 0; run < RUNS; run++) {
  for (const id of POLICY_IDS)
    for (const name of Object.keys(variants)) times[`${name} ${id}`].push(variants[name](id));
  previewTimes.engine.push(previewEngine().ms);
  previewTimes.baseline.push(previewBaseline().ms);
}
const previewResult = previewEngine();

// ---------------------------------------------------------------------------------------------
// Report.

const perSecond = (ms) => Math.round(OFFERS / (ms / 1000));
const ratio = (a, b) => Number((a / b).toFixed(3));
const policies = {};
const totals = { baseline: 0, statusOf: 0, evaluateStatus: 0 };
for (const id of POLICY_IDS) {
  const ms = Object.fromEntries(
    Object.keys(variants).map((name) => [name, median(times[`${name} ${id}`])]),
  );
  for (const name of Object.keys(totals)) totals[name] += ms[name];
  policies[id] = {
    baselinePerSecond: perSecond(ms.baseline),
    statusOfPerSecond: perSecond(ms.statusOf),
    evaluateStatusPerSecond: perSecond(ms.evaluateStatus),
    statusOfRatio: ratio(ms.baseline, ms.statusOf),
    evaluateStatusRatio: ratio(ms.baseline, ms.evaluateStatus),
    statuses: distribution[id],
  };
}
const allPerSecond = (ms) => Math.round((OFFERS * POLICY_IDS.length) / (ms / 1000));
const previewMs = median(previewTimes.engine);
const previewBaselineMs = median(previewTimes.baseline);

console.log(
  `P6 status engine: ${OFFERS.toLocaleString('en')} offers (seed ${SEED}, generated in ${Math.round(generateMs)} ms), ` +
    `median of ${RUNS} runs, Node ${process.version}, ${os.cpus().length} CPUs`,
);
console.log('policy   baseline/s   statusOf/s (ratio)   evaluateStatus/s (ratio)');
for (const id of POLICY_IDS) {
  const p = policies[id];
  console.log(
    `${id.padEnd(8)} ${p.baselinePerSecond.toLocaleString('en').padStart(10)}   ` +
      `${p.statusOfPerSecond.toLocaleString('en').padStart(10)} (${p.statusOfRatio.toFixed(3)}×)   ` +
      `${p.evaluateStatusPerSecond.toLocaleString('en').padStart(10)} (${p.evaluateStatusRatio.toFixed(3)}×)`,
  );
}
console.log(
  `preview ${ACTIVE} → ${CANDIDATE}: ${Math.round(previewMs)} ms (baseline ${Math.round(previewBaselineMs)} ms, ` +
    `${ratio(previewBaselineMs, previewMs)}×); ${previewResult.gains} gain, ${previewResult.losses} lose`,
);
for (const [pair, count] of [...previewResult.pairs].sort((a, b) => b[1] - a[1]))
  console.log(`  ${pair}: ${count}`);

const summary = {
  bench: 'P6-status-engine-core',
  date: new Date().toISOString(),
  node: process.version,
  cpus: os.cpus().length,
  offers: OFFERS,
  runs: RUNS,
  seed: SEED,
  all: {
    baselinePerSecond: allPerSecond(totals.baseline),
    statusOfPerSecond: allPerSecond(totals.statusOf),
    evaluateStatusPerSecond: allPerSecond(totals.evaluateStatus),
    statusOfRatio: ratio(totals.baseline, totals.statusOf),
    evaluateStatusRatio: ratio(totals.baseline, totals.evaluateStatus),
    targetPerSecond: 20_000,
  },
  policies,
  preview: {
    active: ACTIVE,
    candidate: CANDIDATE,
    ms: Math.round(previewMs),
    baselineMs: Math.round(previewBaselineMs),
    ratio: ratio(previewBaselineMs, previewMs),
    gains: previewResult.gains,
    losses: previewResult.losses,
    pairs: Object.fromEntries(previewResult.pairs),
    targetEndToEndMs: 10_000,
  },
  /** Sum of status ranks over every timed loop, so that no loop can be optimised away. */
  checksum: sink,
};
console.log(JSON.stringify(summary));
