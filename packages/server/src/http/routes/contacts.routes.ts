/**
 * Contacts of an offer: the table (add, edit, remove), the CSV template, export, and the
 * import flow — upload a file to get a preview, confirm it, undo the last one.
 */
import { Readable } from 'node:stream';
import {
  addContact,
  applyContactImport,
  ContactInputSchema,
  contactsCsvTemplate,
  exportContacts,
  getOffer,
  listContacts,
  removeContact,
  stageContactImport,
  undoContactImport,
  updateContact,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { withEtag } from '../concurrency';
import { problemResponses, storageResponses } from '../problem';
import { limitedBody, RAW_BODY_TYPES } from '../raw-body';
import { IdSchema } from '../schemas';
import { contentDisposition } from './documents.routes';
import {
  ContactImportPreviewSchema,
  ContactImportSchema,
  ContactSchema,
  OfferParams,
  toContact,
  toContactImport,
  toPreview,
} from './offers.schemas';

const ContactParams = OfferParams.extend({ contactId: IdSchema });
const ImportParams = OfferParams.extend({ importId: IdSchema });
const ContactChangeSchema = z
  .object({ contact: ContactSchema, contactsVersion: z.number().int() })
  .meta({ id: 'ContactChange' });
const ContactsVersionSchema = z.object({ contactsVersion: z.number().int() });
const CSV_TYPE = 'text/csv; charset=utf-8';

/** A file name safe for the export: the offer alias without characters file systems refuse. */
const exportName = (alias: string) =>
  `contacts-${alias.replace(/[^\p{L}\p{N}._-]+/gu, '-').slice(0, 80) || 'offer'}.csv`;

export const contactRoutes: FastifyPluginAsyncZod<AppDeps> = async (app, deps) => {
  const offers = deps.offers;
  const base = '/api/organisations/:organisationId/offers/:offerId';

  app.get('/api/contacts/template.csv', {
    config: { scope: 'contacts:read', rawResponse: 'text/csv' },
    schema: {
      tags: ['contacts'],
      summary: 'Download contacts template (.csv): the header row of the import format',
      response: problemResponses,
    },
    handler: async (request, reply) => {
      requireActor(request);
      return reply
        .type(CSV_TYPE)
        .header('content-disposition', contentDisposition('contacts-template.csv'))
        .header('x-content-type-options', 'nosniff')
        .send(contactsCsvTemplate() as never);
    },
  });

  app.get(`${base}/contacts`, {
    config: { scope: 'contacts:read' },
    schema: {
      tags: ['contacts'],
      summary: "The offer's contacts, in list order; the ETag is the list's version",
      params: OfferParams,
      response: {
        200: z.object({ items: z.array(ContactSchema), contactsVersion: z.number().int() }),
        ...problemResponses,
      },
    },
    handler: async (request, reply) => {
      const view = await listContacts(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
      );
      return withEtag(reply, view.contactsVersion).send({
        items: view.contacts.map(toContact),
        contactsVersion: view.contactsVersion,
      });
    },
  });

  app.post(`${base}/contacts`, {
    config: { scope: 'contacts:write', idempotent: true },
    schema: {
      tags: ['contacts'],
      summary: 'Add a contact',
      params: OfferParams,
      body: ContactInputSchema,
      response: { 201: ContactChangeSchema, ...problemResponses },
    },
    handler: async (request, reply) => {
      const change = await addContact(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.body,
        String(request.id),
      );
      return reply.code(201).send({
        contact: toContact(change.contact),
        contactsVersion: change.contactsVersion,
      });
    },
  });

  app.put(`${base}/contacts/:contactId`, {
    config: { scope: 'contacts:write', ifMatch: 'optional' },
    schema: {
      tags: ['contacts'],
      summary: 'Edit a contact; If-Match with the contact version guards concurrent edits',
      params: ContactParams,
      body: ContactInputSchema,
      response: { 200: ContactChangeSchema, ...problemResponses },
    },
    handler: async (request) => {
      const change = await updateContact(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.params.contactId,
        request.body,
        request.ifMatch,
        String(request.id),
      );
      return { contact: toContact(change.contact), contactsVersion: change.contactsVersion };
    },
  });

  app.delete(`${base}/contacts/:contactId`, {
    config: { scope: 'contacts:write', ifMatch: 'optional' },
    schema: {
      tags: ['contacts'],
      summary: 'Remove a contact',
      params: ContactParams,
      response: { 200: ContactsVersionSchema, ...problemResponses },
    },
    handler: async (request) =>
      removeContact(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.params.contactId,
        request.ifMatch,
        String(request.id),
      ),
  });

  app.get(`${base}/contacts.csv`, {
    config: { scope: 'contacts:read', rawResponse: 'text/csv' },
    schema: {
      tags: ['contacts'],
      summary: 'Export contacts (.csv) in the template shape; formulas are neutralised',
      params: OfferParams,
      response: problemResponses,
    },
    handler: async (request, reply) => {
      const actor = requireActor(request);
      const { organisationId, offerId } = request.params;
      const offer = await getOffer(offers, actor, organisationId, offerId);
      const chunks = await exportContacts(offers, actor, organisationId, offerId);
      return reply
        .type(CSV_TYPE)
        .header('content-disposition', contentDisposition(exportName(offer.alias)))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, no-cache')
        .send(Readable.from(chunks) as never);
    },
  });

  app.post(`${base}/contact-imports`, {
    config: { scope: 'contacts:write', rawBody: RAW_BODY_TYPES },
    schema: {
      tags: ['contacts'],
      summary:
        'Import contacts (.csv), step 1: validate and stage the file (the body) and preview ' +
        'what would change. A file with any bad row is refused whole, listing every problem.',
      params: OfferParams,
      querystring: z.object({ fileName: z.string().max(255).optional() }),
      response: { 201: ContactImportPreviewSchema, ...problemResponses, ...storageResponses },
    },
    handler: async (request, reply) => {
      const preview = await stageContactImport(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        limitedBody(request, reply, deps.config.uploads.contactsMaxBytes),
        request.query.fileName ?? null,
      );
      return reply.code(201).send(toPreview(preview.import, preview.diff));
    },
  });

  app.post(`${base}/contact-imports/:importId/apply`, {
    config: { scope: 'contacts:write', ifMatch: 'optional' },
    schema: {
      tags: ['contacts'],
      summary:
        'Import contacts, step 2: replace all contacts by the staged file. If-Match: the ' +
        'contacts version the preview showed (default: the one it was computed against).',
      params: ImportParams,
      response: {
        200: z.object({ import: ContactImportSchema, contactsVersion: z.number().int() }),
        ...problemResponses,
        ...storageResponses,
      },
    },
    handler: async (request, reply) => {
      const applied = await applyContactImport(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.params.importId,
        request.ifMatch,
        String(request.id),
      );
      const version = applied.resultingContactsVersion ?? 0;
      return withEtag(reply, version).send({
        import: toContactImport(applied),
        contactsVersion: version,
      });
    },
  });

  app.post(`${base}/contact-imports/:importId/undo`, {
    config: { scope: 'contacts:write' },
    schema: {
      tags: ['contacts'],
      summary: 'Undo the last confirmed import: put the contacts it replaced back',
      params: ImportParams,
      response: {
        200: z.object({ import: ContactImportSchema, contactsVersion: z.number().int() }),
        ...problemResponses,
        ...storageResponses,
      },
    },
    handler: async (request) => {
      const actor = requireActor(request);
      const { organisationId, offerId, importId } = request.params;
      const undone = await undoContactImport(
        offers,
        actor,
        organisationId,
        offerId,
        importId,
        String(request.id),
      );
      const offer = await getOffer(offers, actor, organisationId, offerId);
      return { import: toContactImport(undone), contactsVersion: offer.contactsVersion };
    },
  });
};
