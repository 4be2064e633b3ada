import { beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../errors';
import {
  addMember,
  createFakes,
  eventsOf,
  listOffer,
  opportunityDeps,
  referralCreateBody,
  seedProgram,
  type Fakes,
} from '../testing';
import * as opportunities from './opportunities.service';
import { exportReferrals } from './referral-export.service';
import { importReferrals } from './referral-import.service';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: opportunities.OpportunityDeps;

beforeEach(() => {
  fakes = createFakes({ now: '2026-11-22T09:00:00Z' });
  world = seedProgram(fakes);
  deps = opportunityDeps(fakes);
  listOffer(fakes, world.partner.id, 'Contoso Migrate', { offerId: 'offer-1' });
});

async function deal(name: string) {
  fakes.clock.advance(60_000);
  return opportunities.createReferral(
    deps,
    world.owner,
    world.partner.id,
    referralCreateBody({ name }),
  );
}

async function text(file: AsyncIterable<string>) {
  let all = '';
  for await (const chunk of file) all += chunk;
  return all;
}

async function* source(content: string) {
  yield content;
}

const run = (content: string, dryRun = false, actor = world.owner) =>
  importReferrals(deps, actor, world.partner.id, source(content), { dryRun });

const issuesOf = async (promise: Promise<unknown>) => {
  const error = (await promise.catch((e: unknown) => e)) as AppError;
  expect(error).toMatchObject({ code: 'VALIDATION' });
  return error.issues.map((issue) => [issue.path.join('.'), issue.code]);
};

const NEW_HEADER =
  'External reference ID,Name,Customer name,Customer country/region,Deal value,Currency,Close date,Solutions,Notes';

describe('importing co-sell opportunities', () => {
  it('previews, then applies, the changes of an exported file edited in a spreadsheet', async () => {
    await deal('First');
    const second = await deal('Second');
    const exported = await text(
      await exportReferrals(deps, world.owner, world.partner.id, { odata: {} }),
    );
    const edited = exported.replace(/,120000,USD,/, ',75000,EUR,');
    expect(edited).not.toBe(exported);

    const preview = await run(edited, true);
    expect(preview).toMatchObject({ dryRun: true, created: 0, updated: 1, unchanged: 1 });
    expect(preview.rows.find((r) => r.action === 'update')?.referralId).toBe(second.id);
    // A preview writes nothing.
    expect(fakes.state.referrals.find((r) => r.id === second.id)?.details.dealValue).toBe(120000);

    const applied = await run(edited);
    expect(applied).toMatchObject({ dryRun: false, updated: 1, unchanged: 1 });
    const stored = fakes.state.referrals.find((r) => r.id === second.id)!;
    expect(stored.details).toMatchObject({ dealValue: 75000, currency: 'EUR' });
    expect(stored.eTag).not.toBe(second.eTag);
    expect(fakes.state.referralTimeline.at(-1)).toMatchObject({
      referralId: second.id,
      channel: 'csv',
      action: 'patch',
    });
    expect(eventsOf(fakes).at(-1)?.type).toBe('referral.updated');

    // The same file again: the deal changed since it was exported.
    expect(await issuesOf(run(edited))).toEqual([['rows.2.eTag', 'referralCsv.changedSince']]);
  });

  it('creates New deals from rows a CRM writes, and matches them by external id later', async () => {
    const file = `${NEW_HEADER}\nCRM-1,Lakehouse,Contoso,US,"120,000",USD,2027-06-30,offer-1,From the CRM\n`;
    const result = await run(file);
    expect(result).toMatchObject({ created: 1, updated: 0 });
    const created = fakes.state.referrals.find((r) => r.externalReferenceId === 'CRM-1')!;
    expect(created).toMatchObject({
      name: 'Lakehouse',
      substatus: 'Accepted',
      direction: 'Outgoing',
      details: {
        dealValue: 120000,
        requirements: { solutions: [{ id: 'offer-1', name: 'Contoso Migrate' }] },
      },
    });
    expect(fakes.state.referralTimeline.at(-1)).toMatchObject({ action: 'create', channel: 'csv' });
    const update = await run('External reference ID,Notes\nCRM-1,Customer signed the LOI\n');
    expect(update).toMatchObject({ created: 0, updated: 1 });
    expect(fakes.state.referrals.find((r) => r.id === created.id)?.details.notes).toBe(
      'Customer signed the LOI',
    );
  });

  it('imports nothing when one row is refused, naming every refused row and column', async () => {
    const existing = await deal('Existing');
    const before = JSON.stringify(fakes.state.referrals);
    const file =
      `Id,External reference ID,Name,Customer name,Customer country/region,Deal value,Currency,Close date,Solutions,Notes,Team\n` +
      `,CRM-9,Good,Contoso,US,10,USD,2027-01-31,offer-1,Fine,\n` +
      `,CRM-10,Unknown solution,Contoso,US,10,USD,2027-01-31,offer-404,Bad,\n` +
      `${existing.id},,,Someone else,,,,,,,\n` +
      `,CRM-11,Stranger on the team,Contoso,US,10,USD,2027-01-31,offer-1,Bad,nobody@else.test\n` +
      `00000000-0000-4000-8000-000000000000,,,,,,,,,Gone,\n`;
    const issues = await issuesOf(run(file));
    expect(issues).toEqual([
      ['rows.3.solutions', 'referral.solution.notCosellReady'],
      ['rows.4.customerName', 'referral.refused.readOnly'],
      ['rows.5.team', 'referralCsv.teamNotMember'],
      ['rows.6.id', 'referralCsv.unknownId'],
    ]);
    expect(JSON.stringify(fakes.state.referrals)).toBe(before);
  });

  it('lets a referrals user change only the deals of their team', async () => {
    const existing = await deal('Not mine');
    const offTeam = addMember(fakes, world.partner, ['referrals-user'], { email: 'bo@x.test' });
    expect(await issuesOf(run(`Id,Notes\n${existing.id},Mine now\n`, false, offTeam))).toEqual([
      ['rows.2.id', 'referralCsv.unknownId'],
    ]);
    await expect(
      importReferrals(deps, world.otherOwner, world.partner.id, source('Id,Notes\nx,y\n'), {
        dryRun: true,
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
