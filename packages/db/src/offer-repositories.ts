/**
 * Drizzle implementation of the offer repository ports: offers, documents, contacts and staged
 * contact imports. Like every repository here, each query names the organisation.
 */
import type {
  ContactImportRecord,
  ContactInput,
  ContactRecord,
  CosellDraft,
  CountryCode,
  DocumentKindId,
  DocumentRecord,
  OfferLifecycleState,
  OfferRecord,
  OfferRepository,
  DocumentRepository,
  ContactRepository,
  ContactImportRepository,
  OfferTypeId,
  PublishStatus,
} from '@cosell/core';
import {
  and,
  asc,
  count,
  desc,
  eq,
  gt,
  ilike,
  isNull,
  isNotNull,
  notInArray,
  or,
  sql,
  type SQL,
} from 'drizzle-orm';
import type { Executor } from './client';
import { likePattern, translateDbError, versionIn } from './sql-helpers';
import { contactImports, offerContacts, offerDocuments, offers } from './schema';

type OfferRow = typeof offers.$inferSelect;
type ContactRow = typeof offerContacts.$inferSelect;
type ImportRow = typeof contactImports.$inferSelect;

const toOffer = (row: OfferRow): OfferRecord => ({
  ...row,
  offerType: row.offerType as OfferTypeId,
  markets: row.markets as CountryCode[],
  lifecycleState: row.lifecycleState as OfferLifecycleState,
  cosell: row.cosell as CosellDraft,
  publishStatus: row.publishStatus as PublishStatus,
});
const toDocument = (row: typeof offerDocuments.$inferSelect): DocumentRecord => ({
  ...row,
  kind: row.kind as DocumentKindId,
});
const toContact = (row: ContactRow): ContactRecord => ({
  ...row,
  role: row.role as ContactRecord['role'],
  countries: row.countries as ContactRecord['countries'],
  states: row.states as ContactRecord['states'],
});
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

/** Text columns sort the way people read lists: without regard to case. */
const SORT_COLUMNS = {
  name: sql`lower(${offers.name})`,
  alias: sql`lower(${offers.alias})`,
  offerType: offers.offerType,
  updatedAt: offers.updatedAt,
  createdAt: offers.createdAt,
} as const;

/** Rows of a query result, whichever driver ran it (node-postgres or PGlite). */
function rowsOf<T>(result: unknown): T[] {
  return ((result as { rows?: T[] }).rows ?? (result as T[])) as T[];
}

/** A text[] compared without regard to order (countries "US, CA" equal "CA, US"). */
const sortedArray = (expr: SQL) =>
  sql`(select coalesce(array_agg(x order by x), '{}') from unnest(${expr}) x)`;

export function createOfferRepositories(
  db: Executor,
): OfferRepository &
  Omit<DocumentRepository, 'findReferencedBlobKeys'> &
  ContactRepository &
  ContactImportRepository {
  const offerKey = (organisationId: string, id: string) =>
    and(eq(offers.organisationId, organisationId), eq(offers.id, id));
  const contactsOf = (organisationId: string, offerId: string) =>
    and(eq(offerContacts.organisationId, organisationId), eq(offerContacts.offerId, offerId));
  const contactRow = (organisationId: string, offerId: string, id: string) =>
    and(contactsOf(organisationId, offerId), eq(offerContacts.id, id));
  const documentsOf = (organisationId: string, offerId: string) =>
    and(eq(offerDocuments.organisationId, organisationId), eq(offerDocuments.offerId, offerId));
  const documentRow = (organisationId: string, offerId: string, id: string) =>
    and(documentsOf(organisationId, offerId), eq(offerDocuments.id, id));
  const importRow = (organisationId: string, id: string) =>
    and(eq(contactImports.organisationId, organisationId), eq(contactImports.id, id));

  return {
    async createOffer(organisationId, fields, at) {
      const [row] = await db
        .insert(offers)
        .values({
          organisationId,
          ...fields,
          cosell: {
            listing: { platforms: [], segments: [], solutionType: null, solutionAreas: [] },
            landingPageUrl: null,
          },
          createdAt: at,
          updatedAt: at,
        })
        .returning()
        .catch(translateDbError);
      return toOffer(row!);
    },

    async findOffer(organisationId, id) {
      const [row] = await db.select().from(offers).where(offerKey(organisationId, id));
      return row ? toOffer(row) : null;
    },

    async listOffers(organisationId, query) {
      const where = and(
        eq(offers.organisationId, organisationId),
        query.archived === 'active'
          ? isNull(offers.archivedAt)
          : query.archived === 'archived'
            ? isNotNull(offers.archivedAt)
            : undefined,
        query.offerType ? eq(offers.offerType, query.offerType) : undefined,
        query.search
          ? or(
              ilike(offers.name, likePattern(query.search)),
              ilike(offers.alias, likePattern(query.search)),
            )
          : undefined,
      );
      const column = SORT_COLUMNS[query.sort];
      const order = query.direction === 'asc' ? asc : desc;
      // One after the other: a transaction's connection runs one query at a time anyway.
      const rows = await db
        .select()
        .from(offers)
        .where(where)
        .orderBy(order(column), asc(offers.id))
        .limit(query.limit)
        .offset(query.offset);
      const [total] = await db.select({ n: count() }).from(offers).where(where);
      return { items: rows.map(toOffer), total: total?.n ?? 0 };
    },

    async updateOffer(organisationId, id, patch, expected, at) {
      const [row] = await db
        .update(offers)
        .set({ ...patch, updatedAt: at, version: sql`${offers.version} + 1` })
        .where(and(offerKey(organisationId, id), versionIn(offers.version, expected)))
        .returning()
        .catch(translateDbError);
      return row ? toOffer(row) : null;
    },

    async listDocuments(organisationId, offerId) {
      const rows = await db
        .select()
        .from(offerDocuments)
        .where(documentsOf(organisationId, offerId))
        .orderBy(asc(offerDocuments.uploadedAt), asc(offerDocuments.id));
      return rows.map(toDocument);
    },

    async findDocument(organisationId, offerId, id) {
      const [row] = await db
        .select()
        .from(offerDocuments)
        .where(and(documentRow(organisationId, offerId, id)));
      return row ? toDocument(row) : null;
    },

    async insertDocument(record) {
      const [row] = await db.insert(offerDocuments).values(record).returning();
      return toDocument(row!);
    },

    async deleteDocument(organisationId, offerId, id, expected) {
      const [row] = await db
        .delete(offerDocuments)
        .where(
          and(
            documentRow(organisationId, offerId, id),
            versionIn(offerDocuments.version, expected),
          ),
        )
        .returning();
      return row ? toDocument(row) : null;
    },

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

    async bumpContactsVersion(organisationId, offerId, expected, at) {
      const [row] = await db
        .update(offers)
        .set({ contactsVersion: sql`${offers.contactsVersion} + 1`, updatedAt: at })
        .where(and(offerKey(organisationId, offerId), versionIn(offers.contactsVersion, expected)))
        .returning({ contactsVersion: offers.contactsVersion });
      return row?.contactsVersion ?? null;
    },

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
