import { beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  createFakes,
  listOffer,
  opportunityDeps,
  referralCreateBody,
  seedProgram,
  type Fakes,
} from '../testing';
import * as opportunities from './opportunities.service';
import { parseReferralsCsv, type ParsedReferralRow } from './referral-csv';
import { exportReferrals } from './referral-export.service';

let fakes: Fakes;
let world: ReturnType<typeof seedProgram>;
let deps: opportunities.OpportunityDeps;

beforeEach(() => {
  fakes = createFakes({ now: '2026-11-22T09:00:00Z' });
  world = seedProgram(fakes);
  deps = opportunityDeps(fakes);
  listOffer(fakes, world.partner.id, 'Contoso Migrate', { offerId: 'offer-1' });
});

/** `count` deals of the partner, named Deal 1…n, one minute apart, every third one in Poland. */
async function createDeals(count: number) {
  for (let n = 1; n <= count; n++) {
    fakes.clock.advance(60_000);
    const body = referralCreateBody({ name: `Deal ${n}` });
    if (n % 3 === 0) body.customerProfile.address.country = 'PL';
    if (n === 2) body.team = [{ firstName: 'Bo', lastName: 'Berg', email: 'bo@partner-a.test' }];
    await opportunities.createReferral(deps, world.owner, world.partner.id, body);
  }
}

async function rowsOf(file: AsyncIterable<string>) {
  const rows: ParsedReferralRow[] = [];
  for await (const row of parseReferralsCsv(file)) rows.push(row);
  return rows;
}

describe('exporting co-sell opportunities', () => {
  it('writes every deal the list shows, across pages, in the list order, and reads back', async () => {
    await createDeals(230);
    const file = await exportReferrals(deps, world.owner, world.partner.id, { odata: {} });
    const rows = await rowsOf(file);
    expect(rows).toHaveLength(230);
    expect(rows.every((row) => row.issueCount === 0)).toBe(true);
    // Newest first, as the list: Deal 230 … Deal 1, each exactly once.
    expect(rows.map((row) => row.values?.name)).toEqual(
      Array.from({ length: 230 }, (_, i) => `Deal ${230 - i}`),
    );
  });

  it('keeps the filters, search and visibility of the list, never its paging', async () => {
    await createDeals(9);
    const all = await rowsOf(
      await exportReferrals(deps, world.owner, world.partner.id, {
        odata: { $orderby: 'createdDateTime asc', $top: '1', $skip: '1', $select: 'name' },
      }),
    );
    expect(all.map((row) => row.values?.name)).toEqual(
      Array.from({ length: 9 }, (_, i) => `Deal ${i + 1}`),
    );
    const searched = await rowsOf(
      await exportReferrals(deps, world.owner, world.partner.id, {
        odata: { $filter: 'createdDateTime gt 2026-11-22T09:03:30Z' },
        search: 'Deal 4',
      }),
    );
    expect(searched.map((row) => row.values?.name)).toEqual(['Deal 4']);
    const onTeam = addMember(fakes, world.partner, ['referrals-user'], {
      email: 'bo@partner-a.test',
    });
    const mine = await rowsOf(await exportReferrals(deps, onTeam, world.partner.id, { odata: {} }));
    expect(mine.map((row) => row.values?.name)).toEqual(['Deal 2']);
    // An invalid filter is refused before any byte of the file is written.
    await expect(
      exportReferrals(deps, world.owner, world.partner.id, {
        odata: { $filter: "colour eq 'red'" },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });

  it("answers 404 for another organisation's deals", async () => {
    await createDeals(1);
    await expect(
      exportReferrals(deps, world.otherOwner, world.partner.id, { odata: {} }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
