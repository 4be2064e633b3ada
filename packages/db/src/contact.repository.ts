/** The contacts of offers, kept in order. */
import type { ContactRecord, ContactRepository } from '@cosell/core';
import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { offerContacts } from './schema';
import { translateDbError, versionIn } from './sql-helpers';

type ContactRow = typeof offerContacts.$inferSelect;

const toContact = (row: ContactRow): ContactRecord => ({
  ...row,
  role: row.role as ContactRecord['role'],
  countries: row.countries as ContactRecord['countries'],
  states: row.states as ContactRecord['states'],
});

/** The contacts of one offer. */
export const contactsOf = (organisationId: string, offerId: string) =>
  and(eq(offerContacts.organisationId, organisationId), eq(offerContacts.offerId, offerId));
const contactRow = (organisationId: string, offerId: string, id: string) =>
  and(contactsOf(organisationId, offerId), eq(offerContacts.id, id));

export function createContactRepository(db: Executor): ContactRepository {
  return {
    async listContacts(organisationId, offerId) {
      const rows = await db
        .select()
        .from(offerContacts)
        .where(contactsOf(organisationId, offerId))
        .orderBy(asc(offerContacts.position), asc(offerContacts.id));
      return rows.map(toContact);
    },

    async listContactsAfter(organisationId, offerId, afterPosition, limit) {
      const rows = await db
        .select()
        .from(offerContacts)
        .where(and(contactsOf(organisationId, offerId), gt(offerContacts.position, afterPosition)))
        .orderBy(asc(offerContacts.position), asc(offerContacts.id))
        .limit(limit);
      return rows.map(toContact);
    },

    async countContacts(organisationId, offerId) {
      const [row] = await db
        .select({ n: count() })
        .from(offerContacts)
        .where(contactsOf(organisationId, offerId));
      return row?.n ?? 0;
    },

    async findContact(organisationId, offerId, id) {
      const [row] = await db
        .select()
        .from(offerContacts)
        .where(and(contactRow(organisationId, offerId, id)));
      return row ? toContact(row) : null;
    },

    async createContact(organisationId, offerId, input) {
      const [row] = await db
        .insert(offerContacts)
        .values({
          organisationId,
          offerId,
          ...input,
          position: sql`(select coalesce(max(position), 0) + 1 from offer_contacts
            where organisation_id = ${organisationId} and offer_id = ${offerId})`,
        })
        .returning()
        .catch(translateDbError);
      return toContact(row!);
    },

    async updateContact(organisationId, offerId, id, input, expected) {
      const [row] = await db
        .update(offerContacts)
        .set({ ...input, version: sql`${offerContacts.version} + 1` })
        .where(
          and(contactRow(organisationId, offerId, id), versionIn(offerContacts.version, expected)),
        )
        .returning()
        .catch(translateDbError);
      return row ? toContact(row) : null;
    },

    async deleteContact(organisationId, offerId, id, expected) {
      const [row] = await db
        .delete(offerContacts)
        .where(
          and(contactRow(organisationId, offerId, id), versionIn(offerContacts.version, expected)),
        )
        .returning();
      return row ? toContact(row) : null;
    },
  };
}
