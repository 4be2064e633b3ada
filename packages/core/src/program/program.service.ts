/** Program use cases: read the program (taxonomy, active policy), replace the taxonomy. */
import { AppError } from '../errors';
import { runCommand } from '../commands/command';
import type { ExpectedVersions } from '../ports';
import type { Actor } from '../accounts/access';
import { requireVendorPermission } from '../accounts/access';
import type { AccountDeps } from '../accounts/accounts.service';
import { TaxonomySchema, type Taxonomy } from './taxonomy';

export interface ProgramView {
  organisationId: string;
  activePolicy: string;
  taxonomy: Taxonomy;
  taxonomyIsSample: boolean;
  contactEmail: string | null;
  policyChosenAt: Date | null;
  version: number;
  updatedAt: Date;
}

/** The program of this installation (taxonomy and active policy); every signed-in user reads it. */
export async function getProgram(deps: Pick<AccountDeps, 'uow'>): Promise<ProgramView> {
  return deps.uow.run(async (tx) => {
    const vendor = await tx.organisations.findVendorOrganisation();
    const program = vendor && (await tx.programs.findProgram(vendor.id));
    if (!program) throw new AppError('NOT_FOUND', { message: 'program not set up' });
    return { ...program, taxonomy: TaxonomySchema.parse(program.taxonomy) };
  });
}

/** Replaces the taxonomy; `expected` (from If-Match) names the version the admin edited. */
export async function updateTaxonomy(
  deps: Pick<AccountDeps, 'uow' | 'clock'>,
  actor: Actor,
  taxonomy: Taxonomy,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<ProgramView> {
  const membership = requireVendorPermission(actor, 'program.manage');
  const organisationId = membership.organisationId;
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'program.taxonomy.update', organisationId, permission: 'program.manage' },
    async ({ tx, now, audit, emit }) => {
      const before = await tx.programs.findProgram(organisationId);
      if (!before) throw new AppError('NOT_FOUND', { message: 'program not set up' });
      const updated = await tx.programs.updateProgramTaxonomy(
        organisationId,
        taxonomy,
        expected,
        now,
      );
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      audit({
        entityType: 'program',
        entityId: organisationId,
        before: before.taxonomy,
        after: taxonomy,
      });
      emit({
        type: 'program.taxonomy-updated',
        organisationId,
        subject: { type: 'program', id: organisationId },
        data: { solutionAreas: taxonomy.solutionAreas.length },
      });
      return { ...updated, taxonomy };
    },
  );
}

/**
 * Sets the address partners write to about requirements only the program sets (competencies,
 * designations, verified revenue); null clears it.
 */
export async function updateProgramContact(
  deps: Pick<AccountDeps, 'uow' | 'clock'>,
  actor: Actor,
  contactEmail: string | null,
  expected: ExpectedVersions,
  requestId?: string,
): Promise<ProgramView> {
  const membership = requireVendorPermission(actor, 'program.manage');
  const organisationId = membership.organisationId;
  return runCommand(
    deps,
    { actor, requestId, expected },
    { name: 'program.contact.update', organisationId, permission: 'program.manage' },
    async ({ tx, now, audit }) => {
      const before = await tx.programs.findProgram(organisationId);
      if (!before) throw new AppError('NOT_FOUND', { message: 'program not set up' });
      const updated = await tx.programs.updateProgramContact(
        organisationId,
        contactEmail,
        expected,
        now,
      );
      if (!updated) throw new AppError('PRECONDITION_FAILED');
      audit({
        entityType: 'program',
        entityId: organisationId,
        before: { contactEmail: before.contactEmail },
        after: { contactEmail },
      });
      return { ...updated, taxonomy: TaxonomySchema.parse(updated.taxonomy) };
    },
  );
}
