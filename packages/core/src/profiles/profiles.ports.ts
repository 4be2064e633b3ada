/** Repository port of partners' program profiles. */
import type { ProgramProfileRecord } from './profile';
import type { ExpectedVersions } from '../ports';
import type { Page } from '../ports';

/** Program profiles of partner organisations. */
export interface ProfileRepository {
  // --- program profiles ---
  findProfile(organisationId: string): Promise<ProgramProfileRecord | null>;
  /** Program staff: the organisation whose profile has this PartnerID. */
  findProfileByPartnerId(partnerId: string): Promise<ProgramProfileRecord | null>;
  /** Inserts or replaces; null when the version is not one of `expected` (0 = no profile yet). */
  saveProfile(
    record: Omit<ProgramProfileRecord, 'updatedAt' | 'version'>,
    expected: ExpectedVersions,
    at: Date,
  ): Promise<ProgramProfileRecord | null>;
  /** Program staff: partner organisations with their profiles (null when none yet). */
  listProfiles(query: {
    search?: string | undefined;
    limit: number;
    offset: number;
  }): Promise<
    Page<{ organisationId: string; organisationName: string; profile: ProgramProfileRecord | null }>
  >;
}
