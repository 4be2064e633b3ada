/**
 * Export of co-sell opportunities as CSV: the deals a list shows, with its filters, view,
 * search and order, as many as {@link MAX_REFERRAL_EXPORT_ROWS} (the program's own export stops
 * far sooner). The file is written page by page, so memory stays flat whatever its size; each
 * page is read with the same visibility rules as the list (roles, location scope, team).
 */
import type { Actor } from '../accounts/access';
import {
  listReferrals,
  type OpportunityDeps,
  type ReferralListRequest,
  type ReferralListResult,
} from './opportunities.service';
import type { Referral } from './opportunities.types';
import { referralCsvLine, referralsCsvTemplate } from './referral-csv';

/** Most deals one export file holds. */
export const MAX_REFERRAL_EXPORT_ROWS = 100_000;
/** Deals read per page (the list's `$top` maximum). */
const PAGE = 100;

/**
 * The CSV chunks of an export. Access and the query are checked before the first chunk (a bad
 * `$filter` or another organisation answers as a problem, not as a broken file); `$top`,
 * `$skip`, `$select` and `$count` of the list do not apply to a file.
 */
export async function exportReferrals(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  request: ReferralListRequest,
): Promise<AsyncIterable<string>> {
  const odata = { $filter: request.odata.$filter, $orderby: request.odata.$orderby };
  const page = (skip: number) =>
    listReferrals(deps, actor, organisationId, {
      ...request,
      odata: { ...odata, $top: String(PAGE), $skip: String(skip) },
    });
  const first = await page(0);
  async function* chunks(): AsyncGenerator<string> {
    yield referralsCsvTemplate();
    let current: ReferralListResult = first;
    let written = 0;
    for (;;) {
      const items = current.items.slice(0, MAX_REFERRAL_EXPORT_ROWS - written) as Referral[];
      yield items.map(referralCsvLine).join('');
      written += items.length;
      if (current.items.length < PAGE || written >= MAX_REFERRAL_EXPORT_ROWS) return;
      current = await page(written);
    }
  }
  return chunks();
}
