/** Repository port of the program (active policy and taxonomy). */
import type { ExpectedVersions } from '../ports';

export interface ProgramRecord {
  organisationId: string;
  activePolicy: string;
  taxonomy: unknown;
  taxonomyIsSample: boolean;
  /** Whom partners contact about requirements the program sets; null until configured. */
  contactEmail: string | null;
  /** When a program admin last chose (or kept) the active policy; null: never. */
  policyChosenAt: Date | null;
  updatedAt: Date;
  version: number;
}

/** The program of the installation: its active policy and taxonomy. */
export interface ProgramRepository {
  findProgram(organisationId: string): Promise<ProgramRecord | null>;
  createProgram(input: { organisationId: string; taxonomy: unknown }): Promise<ProgramRecord>;
  /** Replaces the taxonomy; returns null when the version is not one of `expected`. */
  updateProgramTaxonomy(
    organisationId: string,
    taxonomy: unknown,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<ProgramRecord | null>;
  /**
   * Sets the active policy and records that it was chosen; returns null when the version is
   * not one of `expected`.
   */
  updateProgramPolicy(
    organisationId: string,
    policyId: string,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<ProgramRecord | null>;
  /** Sets the program contact address; returns null when the version is not one of `expected`. */
  updateProgramContact(
    organisationId: string,
    contactEmail: string | null,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<ProgramRecord | null>;
}
