/**
 * The co-sell tab as the fault scenarios use it: requests with a file body (a document, a
 * contacts CSV) on their own connection, a partner owner and an offer to work on, contacts
 * files, the checks of the contacts tables, and the files an upload leaves on disk.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect } from 'vitest';
import { sampleMp4 } from '../helpers/files';
import {
  accept,
  api,
  collectAnswer,
  sessionOf,
  tokenOf,
  unique,
  type Answer,
  type Query,
  type Session,
} from './harness';

export const MIB = 1024 * 1024;

// Requests with a file body

/** One request with a raw body on its own connection (the harness's `request` sends JSON). */
export function sendFile(
  base: string,
  session: Session,
  method: string,
  urlPath: string,
  options: { body?: Buffer; contentType?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const started = Date.now();
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise((resolve, reject) => {
    const req = http.request(
      new URL(urlPath, base),
      {
        method,
        agent: false,
        timeout: timeoutMs,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          ...(options.body && {
            'content-type': options.contentType ?? 'application/octet-stream',
            'content-length': String(options.body.length),
          }),
        },
      },
      (res) => collectAnswer(res, started, resolve, reject),
    );
    req.on('timeout', () =>
      req.destroy(new Error(`${method} ${urlPath}: no answer within ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const u32 = (n: number) => {
  const bytes = Buffer.alloc(4);
  bytes.writeUInt32BE(n);
  return bytes;
};

/** The head of a valid MP4 (ftyp, moov) whose final `mdat` box holds `payloadBytes` that follow. */
export function mp4Head(payloadBytes: number) {
  const sample = sampleMp4(); // ftyp, moov, then an empty 8-byte `free` box
  return Buffer.concat([
    sample.subarray(0, sample.length - 8),
    u32(8 + payloadBytes),
    Buffer.from('mdat'),
  ]);
}

/**
 * Streams `head` then `payloadBytes` zero bytes (Content-Length declared), with backpressure.
 * With `pauseAt`, writing stops after that many payload bytes and the request stays open: the
 * server is then mid-upload for as long as the test wants.
 */
export function streamingUpload(
  base: string,
  session: Session,
  urlPath: string,
  head: Buffer,
  payloadBytes: number,
  pauseAt = Infinity,
) {
  let sent = 0;
  const started = Date.now();
  const answer = new Promise<Answer>((resolve, reject) => {
    const req = http.request(
      new URL(urlPath, base),
      {
        method: 'POST',
        agent: false,
        timeout: 60_000,
        headers: {
          cookie: session.cookie,
          'x-csrf-token': session.csrf,
          'content-type': 'application/octet-stream',
          'content-length': String(head.length + payloadBytes),
        },
      },
      (res) => collectAnswer(res, started, resolve, reject),
    );
    req.on('timeout', () => req.destroy(new Error('upload: no answer within 60 s')));
    req.on('error', reject);
    const chunk = Buffer.alloc(MIB);
    req.write(head);
    const pump = () => {
      while (sent < payloadBytes && sent < pauseAt && !req.destroyed) {
        const size = Math.min(chunk.length, payloadBytes - sent, pauseAt - sent);
        sent += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          req.once('drain', pump);
          return;
        }
      }
      if (sent === payloadBytes) req.end();
    };
    pump();
  });
  return { answer, sent: () => sent };
}

// ---------------------------------------------------------------------------------------------
// The API of the co-sell tab, as the scenarios use it

/** A partner organisation and its owner, signed in (the vendor admin invites, the owner accepts). */
export async function partnerOwner(base: string, vendorAdmin: Session) {
  const a = api(base, vendorAdmin);
  const org = await a.createOrganisation(unique('Partner'));
  expect(org.status, org.text).toBe(201);
  const invited = await a.send('POST', `/api/organisations/${org.json.id}/invitations`, {
    email: `${unique('owner')}@partner.test`,
    roles: ['owner'],
  });
  expect(invited.status, invited.text).toBe(201);
  const accepted = await accept(base, tokenOf(invited), 'Partner Owner');
  expect(accepted.status, accepted.text).toBe(200);
  return { organisationId: org.json.id as string, session: sessionOf(accepted) };
}

export interface OfferRef {
  organisationId: string;
  offerId: string;
  session: Session;
}

export async function createOffer(
  base: string,
  owner: { organisationId: string; session: Session },
) {
  const alias = unique('offer');
  const answer = await api(base, owner.session).send(
    'POST',
    `/api/organisations/${owner.organisationId}/offers`,
    { name: `Offer ${alias}`, alias, offerType: 'saas', markets: ['US'] },
  );
  expect(answer.status, answer.text).toBe(201);
  return { ...owner, offerId: answer.json.id as string };
}

/** The co-sell tab calls of one offer on the server at `base()` (which changes on restarts). */
export function cosellTab(base: () => string, offer: OfferRef) {
  const prefix = `/api/organisations/${offer.organisationId}/offers/${offer.offerId}`;
  return {
    stage: (file: Buffer, timeoutMs = 60_000) =>
      sendFile(base(), offer.session, 'POST', `${prefix}/contact-imports?fileName=contacts.csv`, {
        body: file,
        contentType: 'text/csv',
        timeoutMs,
      }),
    apply: (importId: string, timeoutMs = 60_000) =>
      sendFile(base(), offer.session, 'POST', `${prefix}/contact-imports/${importId}/apply`, {
        timeoutMs,
      }),
    contacts: async () => {
      const answer = await api(base(), offer.session, 30_000).get(`${prefix}/contacts`);
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      return {
        emails: (answer.json.items as { email: string }[]).map((c) => c.email),
        version: answer.json.contactsVersion as number,
      };
    },
    documents: async () => {
      const answer = await api(base(), offer.session).get(`${prefix}/documents`);
      expect(answer.status, answer.text.slice(0, 300)).toBe(200);
      return answer.json as { id: string; kind: string; fileName: string; sha256: string }[];
    },
    upload: (kind: string, fileName: string, bytes: Buffer) =>
      sendFile(base(), offer.session, 'POST', documentsPath(offer, kind, fileName), {
        body: bytes,
      }),
  };
}

export const documentsPath = (offer: OfferRef, kind: string, fileName: string) =>
  `/api/organisations/${offer.organisationId}/offers/${offer.offerId}/documents?kind=${kind}&fileName=${encodeURIComponent(fileName)}`;

/** The blob key storeDocument gives a document (documents.service.ts). */
export const blobKeyOf = (offer: OfferRef, documentId: string) =>
  `org/${offer.organisationId}/offer/${offer.offerId}/${documentId}`;

/** A contacts file of `count` people whose addresses all carry `tag`; e-mails in file order. */
export function contactsFile(tag: string, count: number) {
  const emails: string[] = [];
  const lines = ['Name,Email,Job title,Role,Countries/Regions,States/Provinces'];
  for (let i = 0; i < count; i++) {
    const email = `${tag}-${i}@contacts.test`;
    emails.push(email);
    lines.push(`Person ${tag} ${i},${email},Seller,Partner sales,US,`);
  }
  return { tag, emails, body: Buffer.from(lines.join('\r\n') + '\r\n') };
}

export type ContactsFile = ReturnType<typeof contactsFile>;

/**
 * Which of `lists` the offer's contacts are, exactly (same addresses, same order), or a
 * description of the mixture found.
 */
export function whichList(actual: string[], lists: Record<string, string[]>): string {
  for (const [name, emails] of Object.entries(lists)) {
    if (actual.length === emails.length && actual.every((email, i) => email === emails[i]))
      return name;
  }
  const counts = Object.entries(lists).map(([name, emails]) => {
    const set = new Set(emails);
    return `${actual.filter((e) => set.has(e)).length} of "${name}"`;
  });
  return `a mixture: ${actual.length} contacts, ${counts.join(', ')}`;
}

/** Rows of the contacts tables that a half-done import or confirmation would leave. */
export const CONTACT_INVARIANTS: Record<string, string> = {
  'applied import without its resulting version': `
    select id from contact_imports where state = 'applied' and resulting_contacts_version is null`,
  'pending import holding the list it replaced (a half-applied confirmation)': `
    select i.id from contact_imports i where i.state = 'pending'
       and exists (select 1 from contact_import_rows r where r.import_id = i.id and r.side = 'previous')`,
  'offer at the version of its last import but without exactly that import’s rows': `
    select o.id from offers o
      join lateral (select i.id, i.resulting_contacts_version v from contact_imports i
                     where i.offer_id = o.id and i.state = 'applied'
                     order by i.applied_at desc limit 1) last on true
     where last.v = o.contacts_version
       and (select count(*) from offer_contacts c where c.offer_id = o.id)
           <> (select count(*) from contact_import_rows r where r.import_id = last.id and r.side = 'incoming')`,
};

export async function expectContactInvariants(query: Query) {
  const violations: Record<string, unknown[]> = {};
  for (const [name, sql] of Object.entries(CONTACT_INVARIANTS)) {
    const { rows } = await query(sql);
    if (rows.length) violations[name] = rows.slice(0, 5);
  }
  expect(violations, 'contacts tables after the fault').toEqual({});
}

// ---------------------------------------------------------------------------------------------
// Files on disk

/** Every file under `dir`, relative and with forward slashes. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) =>
      path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'),
    )
    .sort();
}

/** Upload temp files (receive-upload.ts names them cosell-upload-<uuid>.part). */
export function tempUploads(dataDir: string) {
  const dir = path.join(dataDir, 'tmp');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /^cosell-upload-.*\.part$/.test(name))
    .map((name) => {
      const file = path.join(dir, name);
      return { file, size: existsSync(file) ? statSync(file).size : 0 };
    });
}
