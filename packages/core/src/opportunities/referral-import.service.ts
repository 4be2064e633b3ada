/**
 * Import of co-sell opportunities from CSV (the columns are in referral-csv.ts): a row with an
 * `Id` or `External reference ID` of a deal updates it with the cells it fills, a row with
 * neither creates a partner's New deal. The whole file is one command: every row goes through
 * the same rules as the browser and the API (roles, location scope and team, read-only fields,
 * the life cycle, co-sell-ready solutions), and one refused row refuses the file, listing every
 * problem by row and column; nothing is half imported. A preview (`dryRun`) runs the very same
 * work and rolls it back, so what it announces is what the import will do.
 */
import type { Actor } from '../accounts/access';
import {
  runCommand,
  requestMeta,
  type CommandContext,
  type CommandRequest,
} from '../commands/command';
import { AppError, type FieldIssue } from '../errors';
import type { ReferralSolutionTagType } from '../reference/referral.data';
import { applyAction, canCreateOutbound, newOutboundReferral, refusalError } from './lifecycle';
import { parseReferralQuery } from './odata';
import {
  auditOf,
  checked,
  created,
  locationAssigned,
  record,
  referralAccessOf,
  ruleAllows,
  scopeFor,
  summaryOf,
  type OpportunityDeps,
  type ReferralAccess,
} from './opportunities.service';
import type { ReferralCreate } from './opportunities.schemas';
import type { ReferralImportEntry } from './opportunities.ports';
import type { Referral, ReferralMember } from './opportunities.types';
import {
  MAX_REFERRAL_IMPORT_ROWS,
  missingForNew,
  parseReferralsCsv,
  type ReferralColumnKey,
  type ReferralCsvValues,
} from './referral-csv';

export interface ReferralImportRow {
  /** Spreadsheet row number (header = 1). */
  row: number;
  action: 'create' | 'update' | 'unchanged';
  referralId: string;
  name: string;
}

export interface ReferralImportResult {
  /** True for a preview: nothing was written. */
  dryRun: boolean;
  /** The applied import, which `undoReferralImport` reverts (null for a preview). */
  importId: string | null;
  created: number;
  updated: number;
  unchanged: number;
  rows: ReferralImportRow[];
}

/** The command's name, which is also its audit action. */
const IMPORT = ['referral', 'import'].join('.');

/** Thrown inside a preview's transaction to roll it back with its result. */
class PreviewDone extends Error {
  constructor(readonly result: ReferralImportResult) {
    super('preview');
  }
}

/** Where a field of the resource is in the file: the column a user fixes. */
const COLUMN_OF_FIELD: readonly [RegExp, ReferralColumnKey][] = [
  [/^name$/, 'name'],
  [/^externalReferenceId$/, 'externalReferenceId'],
  [/^visibility$/, 'visibility'],
  [/^salesStage$/, 'salesStage'],
  [/^customerProfile\.name$/, 'customerName'],
  [/^customerProfile\.address\.country$/, 'customerCountry'],
  [/^customerProfile\.address\.city$/, 'customerCity'],
  [/^customerProfile/, 'customerName'],
  [/^details\.dealValue$/, 'dealValue'],
  [/^details\.currency$/, 'currency'],
  [/^details\.closingDateTime$/, 'closingDate'],
  [/^details\.notes$/, 'notes'],
  [/^details\.requirements/, 'solutions'],
  [/^team/, 'team'],
];

/** A refusal of one row, placed at its row and (when a field is named) its column. */
function rowIssues(row: number, error: AppError): FieldIssue[] {
  if (error.issues.length === 0) {
    return [{ path: ['rows', row], code: error.messageKey, params: { row, ...error.params } }];
  }
  return error.issues.map((issue) => {
    // Already placed in the file (a problem this import found itself).
    if (issue.path[0] === 'rows') return issue;
    const field = issue.path.filter((part) => typeof part === 'string').join('.');
    const column = COLUMN_OF_FIELD.find(([pattern]) => pattern.test(field))?.[1];
    return {
      path: column ? ['rows', row, column] : ['rows', row],
      code: issue.code,
      params: { row, ...(column ? { column } : {}), ...issue.params },
    };
  });
}

const rowIssue = (row: number, column: ReferralColumnKey, code: string): FieldIssue => ({
  path: ['rows', row, column],
  code,
  params: { row, column },
});

/** A person of the organisation as a team member: first word of the name, then the rest. */
function memberOf(user: { name: string; email: string }): ReferralMember {
  const [first, ...rest] = user.name.trim().split(/\s+/);
  return {
    firstName: first || user.email,
    lastName: rest.join(' ') || first || user.email,
    email: user.email,
  };
}

/** The version an ETag such as `"v3"` names (the repository's optimistic lock). */
const versionOf = (eTag: string) => Number(/^"v(\d+)"$/.exec(eTag)?.[1] ?? 1);

/** OData string literal: quotes doubled. */
const literal = (text: string) => `'${text.replaceAll("'", "''")}'`;

interface ImportScope {
  ctx: CommandContext;
  actor: Actor;
  organisationId: string;
  standing: ReferralAccess;
  /** The organisation's people by e-mail (team members). */
  people: ReadonlyMap<string, { name: string; email: string }>;
  solutions: ReadonlyMap<string, { id: string; name: string; type: string }>;
  /** The person importing, when a person (not a service token) imports. */
  me: { name: string; email: string } | undefined;
  newId: () => string;
}

async function findTarget(scope: ImportScope, values: ReferralCsvValues, row: number) {
  const { tx } = scope.ctx;
  if (values.id) {
    const found = await tx.referrals.get(scope.organisationId, values.id);
    if (!found || !ruleAllows(scope.standing.rule, found)) {
      throw new AppError('VALIDATION', { issues: [rowIssue(row, 'id', 'referralCsv.unknownId')] });
    }
    return found;
  }
  const query = parseReferralQuery({
    $filter: `externalReferenceId eq ${literal(values.externalReferenceId!)}`,
    $top: '2',
  });
  const page = await tx.referrals.list(scope.organisationId, query, {
    rule: scope.standing.rule,
    view: 'all',
    userId: scope.actor.userId,
  });
  if (page.items.length > 1) {
    throw new AppError('VALIDATION', {
      issues: [rowIssue(row, 'externalReferenceId', 'referralCsv.ambiguousExternalId')],
    });
  }
  return (page.items[0] as Referral | undefined) ?? null;
}

function team(scope: ImportScope, emails: readonly string[], row: number): ReferralMember[] {
  return emails.map((email) => {
    const person = scope.people.get(email);
    if (!person) {
      throw new AppError('VALIDATION', {
        issues: [rowIssue(row, 'team', 'referralCsv.teamNotMember')],
      });
    }
    return memberOf(person);
  });
}

/** The deal a row names, with the row's filled cells written over it. */
function updated(scope: ImportScope, current: Referral, values: ReferralCsvValues, row: number) {
  if (values.eTag && values.eTag !== current.eTag) {
    throw new AppError('VALIDATION', {
      issues: [rowIssue(row, 'eTag', 'referralCsv.changedSince')],
    });
  }
  const next = structuredClone(current);
  if (values.name !== undefined) next.name = values.name;
  if (values.externalReferenceId !== undefined)
    next.externalReferenceId = values.externalReferenceId;
  if (values.visibility !== undefined) next.visibility = values.visibility;
  if (values.salesStage !== undefined) next.salesStage = values.salesStage;
  if (values.customerName !== undefined) next.customerProfile.name = values.customerName;
  if (values.customerCountry !== undefined)
    next.customerProfile.address.country = values.customerCountry;
  if (values.customerCity !== undefined) next.customerProfile.address.city = values.customerCity;
  if (values.dealValue !== undefined) next.details.dealValue = values.dealValue;
  if (values.currency !== undefined) next.details.currency = values.currency;
  if (values.closingDateTime !== undefined) next.details.closingDateTime = values.closingDateTime;
  if (values.notes !== undefined) next.details.notes = values.notes;
  if (values.team !== undefined && !sameEmails(values.team, current.team)) {
    next.team = team(scope, values.team, row);
  }
  if (values.solutions !== undefined) {
    const same =
      values.solutions.join(';') ===
      current.details.requirements.solutions.map((s) => s.id).join(';');
    // Solutions are chosen when a deal is created; an exported cell read back is no change.
    if (!same)
      throw new AppError('VALIDATION', {
        issues: [rowIssue(row, 'solutions', 'referral.refused.readOnly')],
      });
  }
  return next;
}

const sameEmails = (emails: readonly string[], members: readonly ReferralMember[]) =>
  [...emails].sort().join(';') ===
  members
    .map((m) => m.email.toLowerCase())
    .sort()
    .join(';');

/** A New deal from a row (the parser has checked that every required cell is there). */
function createBody(scope: ImportScope, values: ReferralCsvValues, row: number): ReferralCreate {
  const solutions = values.solutions!.map((id) => {
    const solution = scope.solutions.get(id);
    if (!solution) {
      throw new AppError('VALIDATION', {
        issues: [rowIssue(row, 'solutions', 'referral.solution.notCosellReady')],
      });
    }
    return { id: solution.id, name: solution.name, type: 'Name' as ReferralSolutionTagType };
  });
  return {
    name: values.name!,
    ...(values.externalReferenceId ? { externalReferenceId: values.externalReferenceId } : {}),
    type: 'Independent',
    qualification: 'None',
    customerProfile: {
      name: values.customerName!,
      address: {
        country: values.customerCountry!,
        ...(values.customerCity ? { city: values.customerCity } : {}),
      },
      team: [],
    },
    consent: { consentToShareReferralWithMicrosoftSellers: false },
    details: {
      notes: values.notes!,
      dealValue: values.dealValue!,
      currency: values.currency!,
      closingDateTime: values.closingDateTime!,
      requirements: { solutions },
    },
    // Without a Team cell, the person importing works the deal.
    team: values.team ? team(scope, values.team, row) : scope.me ? [memberOf(scope.me)] : [],
    target: [],
    visibility: values.visibility ?? 'private',
    ...(values.salesStage ? { salesStage: values.salesStage } : {}),
    dealKind: 'outbound',
  } as ReferralCreate;
}

/** One row's outcome and, when it changed a deal, what undo needs of it. */
type RowOutcome = ReferralImportRow & { undo?: ReferralImportEntry };

async function importRow(
  scope: ImportScope,
  values: ReferralCsvValues,
  row: number,
): Promise<RowOutcome> {
  const { ctx, actor, standing, organisationId } = scope;
  const { tx, now } = ctx;
  if (values.id || values.externalReferenceId) {
    const current = await findTarget(scope, values, row);
    if (current) {
      const next = checked(updated(scope, current, values, row));
      // Both as the read schema writes them: the stored row may order or omit defaults.
      if (JSON.stringify(next) === JSON.stringify(checked(structuredClone(current)))) {
        return { row, action: 'unchanged', referralId: current.id, name: current.name };
      }
      const result = applyAction(current, { kind: 'update', next }, standing.actor, now);
      if (!(await tx.referrals.update(result.referral, [versionOf(current.eTag)]))) {
        throw new AppError('VALIDATION', {
          issues: [rowIssue(row, 'eTag', 'referralCsv.changedSince')],
        });
      }
      for (const event of result.events) ctx.emit(event);
      ctx.audit({ ...auditOf(result.referral, current), action: IMPORT });
      await record(
        tx,
        actor,
        result.referral,
        'patch',
        summaryOf({ kind: 'update', next }, current, result.referral),
        now,
        'csv',
      );
      return {
        row,
        action: 'update',
        referralId: current.id,
        name: result.referral.name,
        undo: {
          row,
          referralId: current.id,
          action: 'update',
          before: structuredClone(current),
          eTag: result.referral.eTag,
        },
      };
    }
    if (values.id) {
      throw new AppError('VALIDATION', { issues: [rowIssue(row, 'id', 'referralCsv.unknownId')] });
    }
    // An external reference id not yet known: a new deal from the CRM.
    const [missing] = missingForNew(values);
    if (missing) {
      throw new AppError('VALIDATION', {
        issues: [rowIssue(row, missing, 'referralCsv.requiredForNew')],
      });
    }
  }
  const body = createBody(scope, values, row);
  const decision = canCreateOutbound(standing.actor, {
    hasCosellReadySolution: scope.solutions.size > 0,
    locationAssigned: await locationAssigned(
      tx,
      standing,
      organisationId,
      actor.userId,
      body.customerProfile.address.country,
    ),
  });
  if (!decision.allowed) throw refusalError(decision);
  const engagementId = scope.newId();
  await tx.referrals.createEngagement(engagementId, organisationId, now);
  const referral = checked(
    newOutboundReferral(body, {
      id: scope.newId(),
      engagementId,
      organization: { id: organisationId, name: standing.access.organisation.name },
      now,
    }),
  );
  await tx.referrals.insert([referral]);
  await created(ctx, actor, referral, 'csv');
  return {
    row,
    action: 'create',
    referralId: referral.id,
    name: referral.name,
    undo: { row, referralId: referral.id, action: 'create', before: null, eTag: referral.eTag },
  };
}

/**
 * Imports (or, with `dryRun`, previews) an opportunities CSV for the organisation. Problems of
 * the file itself (columns, cells) and refusals of the rules both answer 400 with every issue
 * at `['rows', row, column]`; nothing is written unless every row is accepted.
 */
export async function importReferrals(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  source: AsyncIterable<Uint8Array | string>,
  options: { dryRun: boolean },
  request?: CommandRequest,
): Promise<ReferralImportResult> {
  // Who may import is checked before the file is read: others learn nothing of its problems.
  await deps.uow.run((tx) => referralAccessOf(tx, actor, organisationId, true), scopeFor(actor));
  const rows: { row: number; values: ReferralCsvValues }[] = [];
  const issues: FieldIssue[] = [];
  for await (const parsed of parseReferralsCsv(source)) {
    issues.push(...parsed.issues);
    if (parsed.values) rows.push({ row: parsed.row, values: parsed.values });
  }
  if (issues.length > 0) {
    throw new AppError('VALIDATION', {
      message: 'the file has problems',
      messageKey: 'referralCsv.nothingImported',
      issues,
    });
  }
  if (rows.length === 0) {
    throw new AppError('VALIDATION', {
      messageKey: 'referralCsv.empty',
      issues: [
        { path: ['file'], code: 'referralCsv.empty', params: { max: MAX_REFERRAL_IMPORT_ROWS } },
      ],
    });
  }
  const newId = deps.referralId ?? (() => globalThis.crypto.randomUUID());
  try {
    return await runCommand(
      deps,
      { actor, ...requestMeta(request) },
      { name: IMPORT, scope: scopeFor(actor) },
      async (ctx) => {
        const standing = await referralAccessOf(ctx.tx, actor, organisationId, true);
        const members = await ctx.tx.memberships.listMembers(organisationId);
        const solutions = await ctx.tx.referrals.listCosellReadySolutions(organisationId);
        const scope: ImportScope = {
          ctx,
          actor,
          organisationId,
          standing,
          people: new Map(members.map((m) => [m.user.email.toLowerCase(), m.user])),
          solutions: new Map(solutions.map((s) => [s.id, s])),
          me: members.find((m) => m.user.id === actor.userId)?.user,
          newId,
        };
        const done: RowOutcome[] = [];
        const refused: FieldIssue[] = [];
        const seen = new Map<string, number>();
        for (const { row, values } of rows) {
          const key =
            values.id ?? (values.externalReferenceId ? `ext:${values.externalReferenceId}` : null);
          if (key && seen.has(key)) {
            refused.push(
              rowIssue(row, values.id ? 'id' : 'externalReferenceId', 'referralCsv.repeatedDeal'),
            );
            continue;
          }
          if (key) seen.set(key, row);
          try {
            done.push(await importRow(scope, values, row));
          } catch (error) {
            if (!(error instanceof AppError)) throw error;
            refused.push(...rowIssues(row, error));
          }
        }
        if (refused.length > 0) {
          throw new AppError('VALIDATION', {
            message: 'rows refused',
            messageKey: 'referralCsv.nothingImported',
            issues: refused,
          });
        }
        const entries = done.flatMap((r) => (r.undo ? [r.undo] : []));
        const result: ReferralImportResult = {
          dryRun: options.dryRun,
          importId: null,
          created: done.filter((r) => r.action === 'create').length,
          updated: done.filter((r) => r.action === 'update').length,
          unchanged: done.filter((r) => r.action === 'unchanged').length,
          rows: done.map(({ undo: _undo, ...r }) => r),
        };
        if (options.dryRun) throw new PreviewDone(result);
        // The undo point: the deals' documents before, and their versions after.
        const applied = await ctx.tx.referrals.createImport({
          organisationId,
          createdBy: actor.userId,
          createdAt: ctx.now,
          entries,
        });
        return { ...result, importId: applied.id };
      },
    );
  } catch (error) {
    if (error instanceof PreviewDone) return error.result;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------
// Undo
// ---------------------------------------------------------------------------------------------

/** How long after an import it can be undone. */
export const REFERRAL_IMPORT_UNDO_MS = 24 * 3_600_000;

export interface ReferralImportUndoResult {
  importId: string;
  /** Deals given back their document from before the import. */
  restored: number;
  /** Deals the import had created, removed. */
  removed: number;
}

/**
 * Undoes an applied import, within 24 hours and only while no deal it touched changed since
 * (else 409 naming the rows): updated deals get their previous document back (a new version,
 * with a timeline entry through the channel csv), created deals are removed. The person who
 * imported may undo, and whoever sees every deal of the organisation; another import, or one
 * of another organisation, is not found.
 */
export async function undoReferralImport(
  deps: OpportunityDeps,
  actor: Actor,
  organisationId: string,
  importId: string,
  request?: CommandRequest,
): Promise<ReferralImportUndoResult> {
  return runCommand(
    deps,
    { actor, ...requestMeta(request) },
    { name: ['referral', 'importUndo'].join('.'), scope: scopeFor(actor) },
    async (ctx) => {
      const { tx, now } = ctx;
      const standing = await referralAccessOf(tx, actor, organisationId, true);
      const applied = await tx.referrals.findImport(organisationId, importId);
      if (!applied) throw new AppError('NOT_FOUND', { message: 'import not found' });
      if (applied.createdBy !== actor.userId && standing.rule.kind !== 'all') {
        throw new AppError('FORBIDDEN', { messageKey: 'referralCsv.undo.notYours' });
      }
      if (applied.undoneAt) throw new AppError('CONFLICT', { messageKey: 'referralCsv.undo.done' });
      if (now.getTime() - applied.createdAt.getTime() > REFERRAL_IMPORT_UNDO_MS) {
        throw new AppError('CONFLICT', { messageKey: 'referralCsv.undo.expired' });
      }
      const currents = new Map<string, Referral | null>();
      const changed: number[] = [];
      for (const entry of applied.entries) {
        const current = await tx.referrals.get(organisationId, entry.referralId);
        currents.set(entry.referralId, current);
        if (!current || current.eTag !== entry.eTag) changed.push(entry.row);
      }
      if (changed.length > 0) {
        throw new AppError('CONFLICT', {
          messageKey: 'referralCsv.undo.changedSince',
          params: { rows: changed.join(', ') },
          issues: changed.map((row) => ({
            path: ['rows', row],
            code: 'referralCsv.undo.rowChanged',
            params: { row },
          })),
        });
      }
      let restored = 0;
      let removed = 0;
      for (const entry of applied.entries) {
        const current = currents.get(entry.referralId)!;
        const expected = [versionOf(current.eTag)];
        if (entry.action === 'create') {
          if (!(await tx.referrals.remove(organisationId, entry.referralId, expected))) {
            throw new AppError('PRECONDITION_FAILED');
          }
          ctx.audit({ ...auditOf(current), action: ['referral', 'remove'].join('.') });
          removed += 1;
          continue;
        }
        const before = entry.before!;
        const result = applyAction(
          current,
          { kind: 'update', next: { ...structuredClone(before), eTag: current.eTag } },
          standing.actor,
          now,
        );
        if (!(await tx.referrals.update(result.referral, expected))) {
          throw new AppError('PRECONDITION_FAILED');
        }
        for (const event of result.events) ctx.emit(event);
        ctx.audit({ ...auditOf(result.referral, current), action: IMPORT_UNDO });
        await record(
          tx,
          actor,
          result.referral,
          'replace',
          {
            undoneImport: importId,
            ...summaryOf({ kind: 'update', next: before }, current, result.referral),
          },
          now,
          'csv',
        );
        restored += 1;
      }
      await tx.referrals.markImportUndone(organisationId, importId, now);
      return { importId, restored, removed };
    },
  );
}

const IMPORT_UNDO = ['referral', 'importUndo'].join('.');
