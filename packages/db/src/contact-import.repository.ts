/**
 * Staged contact imports: the rows of a file, previewed against the offer's contacts, then
 * applied or undone.
 */
import type { ContactImportRecord, ContactImportRepository, ContactInput } from '@cosell/core';
import { and, desc, eq, notInArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client';
import { contactsOf } from './contact.repository';
import { offerKey } from './offer.repository';
import { contactImports, offerContacts, offers } from './schema';
import { rowsOf, versionIn } from './sql-helpers';

type ImportRow = typeof contactImports.$inferSelect;

const toImport = (row: ImportRow): ContactImportRecord => ({ ...row });

/** The contact columns as they come out of SQL with snake-case names (raw queries). */
interface RawContact {
  name: string;
  email: string;
  job_title: string;
  role: string;
  countries: string[];
  states: string[];
}
const rawToContact = (row: RawContact): ContactInput => ({
  name: row.name,
  email: row.email,
  jobTitle: row.job_title,
  role: row.role as ContactInput['role'],
  countries: row.countries as ContactInput['countries'],
  states: row.states as ContactInput['states'],
});

/** A text[] compared without regard to order (countries "US, CA" equal "CA, US"). */
const sortedArray = (expr: SQL) =>
  sql`(select coalesce(array_agg(x order by x), '{}') from unnest(${expr}) x)`;

const importRow = (organisationId: string, id: string) =>
  and(eq(contactImports.organisationId, organisationId), eq(contactImports.id, id));

export function createContactImportRepository(db: Executor): ContactImportRepository {
  return {
    async createContactImport(input) {
      const [row] = await db
        .insert(contactImports)
        .values({
          organisationId: input.organisationId,
          offerId: input.offerId,
          fileName: input.fileName,
          baseContactsVersion: input.baseContactsVersion,
          createdBy: input.createdBy,
          createdAt: input.at,
        })
        .returning();
      return toImport(row!);
    },

    async stageContactImportRows(organisationId, importId, rows) {
      if (rows.length === 0) return;
      // One JSON parameter per batch, whatever its size (a multi-row VALUES would need 10
      // parameters per row and hit the 65,535-parameter limit of the protocol).
      const json = JSON.stringify(
        rows.map(({ row, contact }) => ({
          row,
          name: contact.name,
          email: contact.email,
          job_title: contact.jobTitle,
          role: contact.role,
          countries: contact.countries,
          states: contact.states,
        })),
      );
      await db.execute(sql`insert into contact_import_rows
          (organisation_id, import_id, side, row, name, email, job_title, role, countries, states)
        select ${organisationId}::uuid, ${importId}::uuid, 'incoming', x.row, x.name, x.email,
          x.job_title, x.role, x.countries, x.states
        from jsonb_to_recordset(${json}::jsonb) as x(row int, name text, email text,
          job_title text, role text, countries text[], states text[])`);
    },

    async findContactImportDuplicates(organisationId, importId, limit) {
      const result = await db.execute(sql`select row, first_row, email, role from (
          select row, email, role,
            min(row) over (partition by lower(email), role) as first_row
          from contact_import_rows
          where organisation_id = ${organisationId} and import_id = ${importId} and side = 'incoming'
        ) d where row <> first_row order by row limit ${limit}`);
      return rowsOf<{ row: number; first_row: number; email: string; role: string }>(result).map(
        (r) => ({
          row: Number(r.row),
          firstRow: Number(r.first_row),
          email: r.email,
          role: r.role,
        }),
      );
    },

    async setContactImportRowCount(organisationId, importId, rowCount) {
      await db.update(contactImports).set({ rowCount }).where(importRow(organisationId, importId));
    },

    async findContactImport(organisationId, offerId, importId) {
      const [row] = await db
        .select()
        .from(contactImports)
        .where(
          and(
            eq(contactImports.organisationId, organisationId),
            eq(contactImports.offerId, offerId),
            eq(contactImports.id, importId),
          ),
        );
      return row ? toImport(row) : null;
    },

    async diffContactImport(organisationId, offerId, importId, sampleSize) {
      // One FULL JOIN on (lower(email), role): PostgreSQL runs a full join as a hash or merge
      // join, never as a nested loop, so the preview stays linear in the file's size even
      // where the staged rows have no statistics yet.
      const joined = sql`(
        select
          i.row as i_row, i.name as i_name, i.email as i_email, i.job_title as i_job_title,
          i.role as i_role, i.countries as i_countries, i.states as i_states,
          c.position as c_position, c.name as c_name, c.email as c_email,
          c.job_title as c_job_title, c.role as c_role, c.countries as c_countries,
          c.states as c_states,
          case when i.row is null then 'removed'
               when c.position is null then 'added'
               when i.name <> c.name or i.email <> c.email or i.job_title <> c.job_title
                 or ${sortedArray(sql`i.countries`)} <> ${sortedArray(sql`c.countries`)}
                 or ${sortedArray(sql`i.states`)} <> ${sortedArray(sql`c.states`)}
               then 'changed' else 'unchanged' end as change
        from (select * from contact_import_rows
              where organisation_id = ${organisationId} and import_id = ${importId}
                and side = 'incoming') i
        full join (select * from offer_contacts
              where organisation_id = ${organisationId} and offer_id = ${offerId}) c
          on lower(i.email) = lower(c.email) and i.role = c.role
      ) d`;
      type Row = Record<string, unknown> & { change: string };
      const counts = rowsOf<{ change: string; n: string | number }>(
        await db.execute(sql`select change, count(*) as n from ${joined} group by change`),
      );
      const sample = rowsOf<Row>(
        await db.execute(sql`select * from (
            select d.*, row_number() over (partition by change
              order by coalesce(i_row, c_position)) as rank
            from ${joined} where change <> 'unchanged') s
          where rank <= ${sampleSize} order by change, rank`),
      );
      const side = (row: Row, prefix: 'i' | 'c'): ContactInput =>
        rawToContact({
          name: row[`${prefix}_name`] as string,
          email: row[`${prefix}_email`] as string,
          job_title: row[`${prefix}_job_title`] as string,
          role: row[`${prefix}_role`] as string,
          countries: row[`${prefix}_countries`] as string[],
          states: row[`${prefix}_states`] as string[],
        });
      const count = (change: string) => Number(counts.find((c) => c.change === change)?.n ?? 0);
      const of = (change: string) => sample.filter((row) => row.change === change);
      return {
        added: { count: count('added'), sample: of('added').map((r) => side(r, 'i')) },
        removed: { count: count('removed'), sample: of('removed').map((r) => side(r, 'c')) },
        changed: {
          count: count('changed'),
          sample: of('changed').map((r) => ({ before: side(r, 'c'), after: side(r, 'i') })),
        },
        unchanged: count('unchanged'),
      };
    },

    async applyContactImport(organisationId, offerId, importId, expected, at) {
      const [bumped] = await db
        .update(offers)
        .set({ contactsVersion: sql`${offers.contactsVersion} + 1`, updatedAt: at })
        .where(and(offerKey(organisationId, offerId), versionIn(offers.contactsVersion, expected)))
        .returning({ contactsVersion: offers.contactsVersion });
      if (!bumped) return null;
      await db.execute(sql`insert into contact_import_rows
          (organisation_id, import_id, side, row, name, email, job_title, role, countries, states)
        select organisation_id, ${importId}::uuid, 'previous',
          row_number() over (order by position, id), name, email, job_title, role, countries, states
        from offer_contacts where organisation_id = ${organisationId} and offer_id = ${offerId}`);
      await db.delete(offerContacts).where(contactsOf(organisationId, offerId));
      await db.execute(sql`insert into offer_contacts
          (organisation_id, offer_id, position, name, email, job_title, role, countries, states)
        select organisation_id, ${offerId}::uuid, row, name, email, job_title, role, countries, states
        from contact_import_rows
        where organisation_id = ${organisationId} and import_id = ${importId} and side = 'incoming'`);
      const [row] = await db
        .update(contactImports)
        .set({ state: 'applied', appliedAt: at, resultingContactsVersion: bumped.contactsVersion })
        .where(
          and(
            eq(contactImports.organisationId, organisationId),
            eq(contactImports.id, importId),
            eq(contactImports.state, 'pending'),
          ),
        )
        .returning();
      return row ? toImport(row) : null;
    },

    async undoContactImport(organisationId, offerId, importId, at) {
      const [record] = await db
        .select()
        .from(contactImports)
        .where(
          and(
            eq(contactImports.organisationId, organisationId),
            eq(contactImports.offerId, offerId),
            eq(contactImports.id, importId),
            eq(contactImports.state, 'applied'),
          ),
        );
      if (!record?.resultingContactsVersion) return null;
      const [bumped] = await db
        .update(offers)
        .set({ contactsVersion: sql`${offers.contactsVersion} + 1`, updatedAt: at })
        .where(
          and(
            offerKey(organisationId, offerId),
            eq(offers.contactsVersion, record.resultingContactsVersion),
          ),
        )
        .returning({ contactsVersion: offers.contactsVersion });
      if (!bumped) return null;
      await db.delete(offerContacts).where(contactsOf(organisationId, offerId));
      await db.execute(sql`insert into offer_contacts
          (organisation_id, offer_id, position, name, email, job_title, role, countries, states)
        select organisation_id, ${offerId}::uuid, row, name, email, job_title, role, countries, states
        from contact_import_rows
        where organisation_id = ${organisationId} and import_id = ${importId} and side = 'previous'`);
      const [row] = await db
        .update(contactImports)
        .set({ state: 'undone', undoneAt: at })
        .where(importRow(organisationId, importId))
        .returning();
      return row ? toImport(row) : null;
    },

    async findLatestAppliedContactImport(organisationId, offerId) {
      const [row] = await db
        .select()
        .from(contactImports)
        .where(
          and(
            eq(contactImports.organisationId, organisationId),
            eq(contactImports.offerId, offerId),
            eq(contactImports.state, 'applied'),
          ),
        )
        .orderBy(desc(contactImports.appliedAt))
        .limit(1);
      return row ? toImport(row) : null;
    },

    async deleteContactImport(organisationId, importId) {
      await db.delete(contactImports).where(importRow(organisationId, importId));
    },

    async pruneContactImports(organisationId, offerId, keepIds) {
      await db
        .delete(contactImports)
        .where(
          and(
            eq(contactImports.organisationId, organisationId),
            eq(contactImports.offerId, offerId),
            keepIds.length > 0 ? notInArray(contactImports.id, keepIds) : undefined,
          ),
        );
    },
  };
}
