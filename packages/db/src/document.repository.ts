/** The documents attached to offers. */
import type { DocumentKindId, DocumentRecord, DocumentRepository } from '@cosell/core';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from './client';
import { offerDocuments } from './schema';
import { rowsOf, versionIn } from './sql-helpers';

const toDocument = (row: typeof offerDocuments.$inferSelect): DocumentRecord => ({
  ...row,
  kind: row.kind as DocumentKindId,
});

const documentsOf = (organisationId: string, offerId: string) =>
  and(eq(offerDocuments.organisationId, organisationId), eq(offerDocuments.offerId, offerId));
const documentRow = (organisationId: string, offerId: string, id: string) =>
  and(documentsOf(organisationId, offerId), eq(offerDocuments.id, id));

export function createDocumentRepository(db: Executor): DocumentRepository {
  return {
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

    async findReferencedBlobKeys(keys) {
      if (keys.length === 0) return [];
      // Program staff: documents and published versions of every organisation (RLS permitting).
      const found = await db.execute(sql`
        with wanted(key) as (select unnest(string_to_array(${keys.join('\n')}, E'\n')))
        select w.key from wanted w
        where exists (select 1 from offer_documents d where d.blob_key = w.key)
           or exists (
             select 1 from offer_versions v
             where v.snapshot -> 'documents' @> jsonb_build_array(jsonb_build_object('blobKey', w.key))
           )`);
      return rowsOf<{ key: string }>(found).map((r) => r.key);
    },
  };
}
