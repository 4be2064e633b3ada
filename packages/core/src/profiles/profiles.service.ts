/**
 * Partner program profiles: read by the partner and the vendor's staff; entered by the partner
 * where the program allows it, set and verified by program admins by hand, CSV or API. Every
 * change re-evaluates the statuses of the organisation's offers in the same transaction.
 */
import { readCsvRecords } from '../csv';
import { AppError, type FieldIssue } from '../errors';
import type { Clock, ExpectedVersions, Page } from '../ports';
import {
  applyProfilePatch,
  ISV_CONNECT_LEVELS,
  PARTNER_EDITABLE_FIELDS,
  PartnerIdSchema,
  patchedFields,
  type IsvConnectLevel,
  type ProfilePatch,
  type ProfileSource,
  type ProgramProfileRecord,
} from './profile';
import {
  requireOrganisationAccess,
  requireVendorPermission,
  scopeOf,
  type Actor,
} from '../accounts/access';
import { hasPermission } from '../accounts/permissions';
import { recomputeOfferStatus, type StatusEffects } from '../status/status.service';
import { runCommand, type CommandContext } from '../commands/command';
import type { Tx } from '../transaction';
import type { UnitOfWork } from '../transaction';

export interface ProfileDeps {
  uow: UnitOfWork;
  clock: Clock;
}

const isProgramAdmin = (actor: Actor) =>
  actor.memberships.some(
    (m) => m.organisation.kind === 'vendor' && hasPermission(m.roles, 'program.manage'),
  );
const isProgramStaff = (actor: Actor) =>
  actor.memberships.some(
    (m) => m.organisation.kind === 'vendor' && hasPermission(m.roles, 'review.decide'),
  );

/** The organisation must be a partner the actor belongs to, or any partner for program staff. */
async function requireProfileAccess(
  tx: Tx,
  actor: Actor,
  organisationId: string,
  write: boolean,
): Promise<'partner' | 'program'> {
  const own = actor.memberships.find((m) => m.organisationId === organisationId);
  if (own) {
    await requireOrganisationAccess(
      tx,
      actor,
      organisationId,
      write ? 'profile.write' : 'offers.read',
    );
    return 'partner';
  }
  if (isProgramStaff(actor)) {
    const organisation = await tx.organisations.findOrganisation(organisationId);
    if (organisation?.kind === 'partner') {
      // Reviewers see partner profiles; only program admins change them.
      if (write && !isProgramAdmin(actor)) {
        throw new AppError('FORBIDDEN', { message: 'missing permission program.manage' });
      }
      await tx.widenScope({ organisationIds: [organisationId] });
      return 'program';
    }
  }
  throw new AppError('NOT_FOUND', { message: 'organisation not found' });
}

export async function getProgramProfile(
  deps: ProfileDeps,
  actor: Actor,
  organisationId: string,
): Promise<ProgramProfileRecord | null> {
  return deps.uow.run(
    async (tx) => {
      await requireProfileAccess(tx, actor, organisationId, false);
      return tx.profiles.findProfile(organisationId);
    },
    { ...scopeOf(actor) },
  );
}

/** Re-evaluates every published offer of the organisation (its profile changed). */
async function recomputeOrganisation(tx: Tx, deps: StatusEffects, organisationId: string) {
  let offset = 0;
  for (;;) {
    const page = await tx.offers.listOffers(organisationId, {
      sort: 'createdAt',
      direction: 'asc',
      archived: 'all',
      limit: 500,
      offset,
    });
    for (const offer of page.items) {
      if (offer.liveVersionId)
        await recomputeOfferStatus(tx, deps, organisationId, offer.id, 'profile');
    }
    offset += page.items.length;
    if (page.items.length === 0 || offset >= page.total) break;
  }
}

async function saveProfilePatch(
  ctx: CommandContext,
  deps: ProfileDeps,
  organisationId: string,
  patch: ProfilePatch,
  source: ProfileSource,
  expected: ExpectedVersions,
): Promise<ProgramProfileRecord> {
  const { tx, now: at } = ctx;
  const before = await tx.profiles.findProfile(organisationId);
  const next = applyProfilePatch(before, organisationId, patch, {
    userId: ctx.actor.userId,
    source,
    at,
  });
  const saved = await tx.profiles.saveProfile(next, expected, at);
  if (!saved) throw new AppError('PRECONDITION_FAILED');
  const changed = patchedFields(patch);
  ctx.audit({
    organisationId,
    entityType: 'organisation',
    entityId: organisationId,
    before: before ? Object.fromEntries(changed.map((f) => [f, before[f]])) : null,
    after: {
      ...Object.fromEntries(changed.map((f) => [f, saved[f]])),
      source,
      verify: patch.verify ?? [],
    },
  });
  ctx.emit({
    type: 'profile.updated',
    organisationId,
    subject: { type: 'organisation', id: organisationId },
    data: { fields: changed },
  });
  await recomputeOrganisation(tx, { clock: deps.clock, emit: ctx.emit }, organisationId);
  return saved;
}

/**
 * Changes the profile. A partner may set only the fields the program lets partners enter;
 * program admins set any field and may mark partner-entered ones verified. A new profile is
 * created with If-Match version 0 (or `*`).
 */
export async function updateProgramProfile(
  deps: ProfileDeps,
  actor: Actor,
  organisationId: string,
  patch: ProfilePatch,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<ProgramProfileRecord> {
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'program.profile.update', organisationId },
    async (ctx) => {
      const as = await requireProfileAccess(ctx.tx, actor, organisationId, true);
      if (as === 'partner') {
        const issues: FieldIssue[] = patchedFields(patch)
          .filter((field) => !PARTNER_EDITABLE_FIELDS.includes(field))
          .map((field) => ({ path: [field], code: 'programProfile.programOnly' }));
        if (patch.verify?.length)
          issues.push({ path: ['verify'], code: 'programProfile.programOnly' });
        if (issues.length > 0)
          throw new AppError('FORBIDDEN', { messageKey: 'programProfile.programOnly', issues });
      }
      return saveProfilePatch(
        ctx,
        deps,
        organisationId,
        patch,
        as === 'partner' ? 'partner' : 'program',
        expected,
      );
    },
  );
}

export async function listProgramProfiles(
  deps: ProfileDeps,
  actor: Actor,
  query: { search?: string | undefined; limit: number; offset: number },
): Promise<
  Page<{ organisationId: string; organisationName: string; profile: ProgramProfileRecord | null }>
> {
  requireVendorPermission(actor, 'review.decide');
  return deps.uow.run((tx) => tx.profiles.listProfiles(query), {
    ...scopeOf(actor),
    programStaff: true,
  });
}

/** The columns of the profiles CSV (header names, case- and space-insensitive). */
export const PROFILE_CSV_COLUMNS = {
  organisationId: 'Organisation ID',
  partnerId: 'PartnerID',
  marketplaceAccountActive: 'Marketplace account active',
  businessProfileComplete: 'Business profile complete',
  azureConsumedRevenueUsd: 'Azure consumed revenue (USD)',
  marketplaceBilledRevenueUsd: 'Marketplace billed revenue (USD)',
  goldCompetency: 'Gold competency',
  solutionsPartnerDesignations: 'Solutions Partner designations',
  isvConnect: 'ISV Connect',
} as const;
type ProfileColumn = keyof typeof PROFILE_CSV_COLUMNS;

const normaliseHeader = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');
const HEADER_LOOKUP = new Map<string, ProfileColumn>(
  (Object.entries(PROFILE_CSV_COLUMNS) as [ProfileColumn, string][]).flatMap(([key, label]) => [
    [normaliseHeader(label), key],
    [normaliseHeader(key), key],
  ]),
);

function parseBoolean(text: string): boolean | undefined {
  const value = text.trim().toLowerCase();
  if (['yes', 'true', '1', 'y', 'x'].includes(value)) return true;
  if (['no', 'false', '0', 'n', ''].includes(value)) return false;
  return undefined;
}

/** 100000, 100 000, 100'000.50, 100000,50 — one decimal separator, two decimals at most. */
function parseAmount(text: string): number | undefined {
  const compact = text.trim().replace(/[\s\u00a0\u202f'_]/g, '');
  const match = /^(\d+)(?:[.,](\d{1,2}))?$/.exec(compact);
  if (!match) return undefined;
  return Number(`${match[1]}.${match[2] ?? '0'}`);
}

export interface ProfileImportResult {
  rows: number;
  updated: number;
}

/**
 * Program admins: imports profile facts from a CSV (as the vendor's own systems export them).
 * A row names its partner by Organisation ID or by a PartnerID already on a profile; empty
 * cells leave a field unchanged. Any bad row refuses the whole file, listing every problem.
 */
export async function importProfilesCsv(
  deps: ProfileDeps,
  actor: Actor,
  source: AsyncIterable<Uint8Array | string>,
  requestId?: string,
): Promise<ProfileImportResult> {
  const vendorId = requireVendorPermission(actor, 'program.manage').organisationId;
  const issues: FieldIssue[] = [];
  const rows: { row: number; organisationId?: string; partnerId?: string; patch: ProfilePatch }[] =
    [];
  let columns: (ProfileColumn | undefined)[] | null = null;
  for await (const record of readCsvRecords(source)) {
    if (record.cells.every((cell) => cell.trim() === '')) continue;
    if (!columns) {
      columns = record.cells.map((cell) => HEADER_LOOKUP.get(normaliseHeader(cell)));
      if (!columns.includes('organisationId') && !columns.includes('partnerId')) {
        issues.push({ path: ['header'], code: 'profileImport.keyMissing' });
        break;
      }
      continue;
    }
    if (record.malformed) {
      issues.push({
        path: ['rows', record.row],
        code: 'profileImport.malformed',
        params: { row: record.row },
      });
      continue;
    }
    const patch: ProfilePatch = {};
    let organisationId: string | undefined;
    let partnerId: string | undefined;
    const bad = (column: ProfileColumn, code: string) =>
      issues.push({
        path: ['rows', record.row, PROFILE_CSV_COLUMNS[column]],
        code,
        params: { row: record.row, column: PROFILE_CSV_COLUMNS[column] },
      });
    columns.forEach((column, index) => {
      const cell = (record.cells[index] ?? '').trim();
      if (!column || cell === '') return;
      switch (column) {
        case 'organisationId':
          if (/^[0-9a-f-]{36}$/i.test(cell)) organisationId = cell.toLowerCase();
          else bad(column, 'profileImport.organisationInvalid');
          return;
        case 'partnerId': {
          const parsed = PartnerIdSchema.safeParse(cell);
          if (parsed.success) partnerId = parsed.data;
          else bad(column, 'programProfile.partnerIdInvalid');
          return;
        }
        case 'marketplaceAccountActive':
        case 'businessProfileComplete':
        case 'goldCompetency': {
          const value = parseBoolean(cell);
          if (value === undefined) bad(column, 'profileImport.booleanInvalid');
          else patch[column] = value;
          return;
        }
        case 'azureConsumedRevenueUsd':
        case 'marketplaceBilledRevenueUsd': {
          const value = parseAmount(cell);
          if (value === undefined || value > 1e13) bad(column, 'programProfile.amountInvalid');
          else patch[column] = value;
          return;
        }
        case 'solutionsPartnerDesignations':
          patch.solutionsPartnerDesignations = [
            ...new Set(
              cell
                .split(/[;|]/)
                .map((d) => d.trim())
                .filter(Boolean),
            ),
          ].slice(0, 20);
          return;
        case 'isvConnect': {
          const value = cell.toLowerCase();
          if ((ISV_CONNECT_LEVELS as readonly string[]).includes(value))
            patch.isvConnect = value as IsvConnectLevel;
          else bad(column, 'profileImport.isvConnectInvalid');
          return;
        }
      }
    });
    if (!organisationId && !partnerId) {
      issues.push({
        path: ['rows', record.row],
        code: 'profileImport.keyMissingRow',
        params: { row: record.row },
      });
    }
    if (organisationId && partnerId) patch.partnerId = partnerId;
    rows.push({ row: record.row, organisationId, partnerId, patch });
    if (issues.length >= 1000) break;
  }
  if (!columns) issues.push({ path: ['file'], code: 'profileImport.empty' });
  if (issues.length > 0)
    throw new AppError('VALIDATION', { messageKey: 'profileImport.refused', issues });

  return runCommand(
    deps,
    { actor, requestId },
    {
      name: 'program.profile.update',
      organisationId: vendorId,
      scope: { ...scopeOf(actor), programStaff: true },
    },
    async (ctx) => {
      const { tx } = ctx;
      const problems: FieldIssue[] = [];
      const targets: { row: number; organisationId: string; patch: ProfilePatch }[] = [];
      const seen = new Map<string, number>();
      for (const entry of rows) {
        let organisationId = entry.organisationId;
        if (organisationId) {
          const organisation = await tx.organisations.findOrganisation(organisationId);
          if (organisation?.kind !== 'partner') {
            problems.push({
              path: ['rows', entry.row, PROFILE_CSV_COLUMNS.organisationId],
              code: 'profileImport.organisationUnknown',
              params: { row: entry.row },
            });
            continue;
          }
        } else {
          const profile = await tx.profiles.findProfileByPartnerId(entry.partnerId!);
          if (!profile) {
            problems.push({
              path: ['rows', entry.row, PROFILE_CSV_COLUMNS.partnerId],
              code: 'profileImport.partnerUnknown',
              params: { row: entry.row, partnerId: entry.partnerId! },
            });
            continue;
          }
          organisationId = profile.organisationId;
        }
        const first = seen.get(organisationId);
        if (first !== undefined) {
          problems.push({
            path: ['rows', entry.row],
            code: 'profileImport.duplicate',
            params: { row: entry.row, firstRow: first },
          });
          continue;
        }
        seen.set(organisationId, entry.row);
        targets.push({ row: entry.row, organisationId, patch: entry.patch });
      }
      if (problems.length > 0)
        throw new AppError('VALIDATION', { messageKey: 'profileImport.refused', issues: problems });
      let updated = 0;
      for (const target of targets) {
        if (patchedFields(target.patch).length === 0) continue;
        await tx.widenScope({ organisationIds: [target.organisationId] });
        await saveProfilePatch(ctx, deps, target.organisationId, target.patch, 'import', 'any');
        updated += 1;
      }
      ctx.emit({
        type: 'profiles.imported',
        organisationId: vendorId,
        subject: { type: 'program', id: vendorId },
        data: { organisations: updated },
      });
      return { rows: rows.length, updated };
    },
  );
}
