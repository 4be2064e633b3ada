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
  DEFAULT_CONTACT_IMPORT_SETTINGS,
  exportContacts,
  getOffer,
  listContacts,
  removeContact,
  stageContactImport,
  undoContactImport,
  updateContact,
  type ContactChange,
} from '@cosell/core';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../deps';
import { requireActor } from '../auth';
import { idempotentRequest, sendAnswer, type Answer } from '../idempotency';
import { withEtag } from '../concurrency';
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
      operationId: 'downloadContactsTemplate',
      tags: ['contacts'],
      summary:
        'Download contacts template (.csv): the header row, one example row and legend lines ' +
        "(in the caller's language) that import ignores",
      answers: { 200: { description: 'The contacts template', headers: ['Content-Disposition'] } },
    },
    handler: async (request, reply) => {
      requireActor(request);
      return reply
        .type(CSV_TYPE)
        .header('content-disposition', contentDisposition('contacts-template.csv'))
        .header('x-content-type-options', 'nosniff')
        .send(contactsCsvTemplate(request.locale) as never);
    },
  });

  app.get(`${base}/contacts`, {
    config: { scope: 'contacts:read' },
    schema: {
      operationId: 'listContacts',
      tags: ['contacts'],
      summary: "The offer's contacts, in list order; the ETag is the list's version",
      params: OfferParams,
      answers: {
        200: { description: "The contacts; the ETag is the list's version", headers: ['ETag'] },
      },
      response: {
        200: z.object({ items: z.array(ContactSchema), contactsVersion: z.number().int() }),
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
      operationId: 'createContact',
      tags: ['contacts'],
      summary: 'Add a contact',
      params: OfferParams,
      body: ContactInputSchema,
      answers: { 201: "Created: the contact and the list's new version" },
      response: { 201: ContactChangeSchema },
    },
    handler: async (request, reply) => {
      const answer = (change: ContactChange): Answer => ({
        status: 201,
        body: { contact: toContact(change.contact), contactsVersion: change.contactsVersion },
      });
      const change = await addContact(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        request.body,
        idempotentRequest(request, reply, answer),
      );
      return sendAnswer(reply, answer(change));
    },
  });

  app.put(`${base}/contacts/:contactId`, {
    config: { scope: 'contacts:write', ifMatch: 'optional' },
    schema: {
      operationId: 'updateContact',
      tags: ['contacts'],
      summary: 'Edit a contact; If-Match with the contact version guards concurrent edits',
      params: ContactParams,
      body: ContactInputSchema,
      answers: { 200: "The contact, changed, and the list's new version" },
      response: { 200: ContactChangeSchema },
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
      operationId: 'deleteContact',
      tags: ['contacts'],
      summary: 'Remove a contact',
      params: ContactParams,
      answers: { 200: "Removed: the list's new version" },
      response: { 200: ContactsVersionSchema },
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
      operationId: 'exportContacts',
      tags: ['contacts'],
      summary: 'Export contacts (.csv) in the template shape; formulas are neutralised',
      params: OfferParams,
      answers: { 200: { description: 'The contacts as CSV', headers: ['Content-Disposition'] } },
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
      operationId: 'createContactImport',
      tags: ['contacts'],
      summary:
        'Import contacts (.csv), step 1: validate and stage the file (the body) and preview ' +
        'what would change. A file with any bad row is refused whole, listing every problem.',
      params: OfferParams,
      querystring: z.object({ fileName: z.string().max(255).optional() }),
      answers: {
        201: 'Staged: what the import would change',
        507: 'The disk is full: the file was not stored',
      },
      response: { 201: ContactImportPreviewSchema },
    },
    handler: async (request, reply) => {
      const preview = await stageContactImport(
        offers,
        requireActor(request),
        request.params.organisationId,
        request.params.offerId,
        limitedBody(request, reply, deps.config.uploads.contactsMaxBytes),
        request.query.fileName ?? null,
        { ...DEFAULT_CONTACT_IMPORT_SETTINGS, locale: request.locale },
      );
      return reply.code(201).send(toPreview(preview.import, preview.diff));
    },
  });

  app.post(`${base}/contact-imports/:importId/apply`, {
    config: { scope: 'contacts:write', ifMatch: 'optional' },
    schema: {
      operationId: 'applyContactImport',
      tags: ['contacts'],
      summary:
        'Import contacts, step 2: replace all contacts by the staged file. If-Match: the ' +
        'contacts version the preview showed (default: the one it was computed against).',
      params: ImportParams,
      answers: {
        200: {
          description: "Applied: the import and the list's new version (also the ETag)",
          headers: ['ETag'],
        },
        409: 'The import was applied or undone already',
        507: 'The disk is full: nothing was changed',
      },
      response: {
        200: z.object({ import: ContactImportSchema, contactsVersion: z.number().int() }),
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
      operationId: 'undoContactImport',
      tags: ['contacts'],
      summary: 'Undo the last confirmed import: put the contacts it replaced back',
      params: ImportParams,
      answers: {
        200: "Undone: the import and the list's new version",
        409: 'Only the last applied import can be undone',
        507: 'The disk is full: nothing was changed',
      },
      response: {
        200: z.object({ import: ContactImportSchema, contactsVersion: z.number().int() }),
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
