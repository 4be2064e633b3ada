/**
 * Contacts through the API: the table, the CSV template, import (stage → preview → confirm →
 * undo), all-or-nothing refusals that name every bad row, export in the same shape with
 * formulas neutralised, and the Partner-sales-per-market rule in the checklist.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestContext,
  json,
  seedWorld,
  type TestContext,
  type World,
} from '../helpers/context';

interface Contact {
  id: string;
  name: string;
  email: string;
  jobTitle: string;
  role: string;
  countries: string[];
  states: string[];
  version: number;
}
interface Preview {
  import: { id: string; rowCount: number; baseContactsVersion: number; state: string };
  added: { count: number; sample: Omit<Contact, 'id' | 'version'>[] };
  removed: { count: number; sample: Omit<Contact, 'id' | 'version'>[] };
  changed: {
    count: number;
    sample: { before: { jobTitle: string }; after: { jobTitle: string } }[];
  };
  unchanged: number;
}
interface Problem {
  code: string;
  detail?: string;
  errors?: { field: string; code: string; detail: string }[];
}
interface Tab {
  contactCount: number;
  undoableImportId: string | null;
  sections: Record<string, string>;
  checklist: { id: string; met: boolean; message: string }[];
}

const HEADER = 'Name,Email,Job title,Role,Countries/Regions,States/Provinces';
const csv = (...lines: string[]) => Buffer.from([HEADER, ...lines].join('\r\n') + '\r\n');

describe('offer contacts', () => {
  let ctx: TestContext;
  let world: World;
  let base: string;
  let offersUrl: string;
  beforeAll(async () => {
    ctx = await createTestContext();
    world = await seedWorld(ctx.deps);
    offersUrl = `/api/organisations/${world.partnerA.organisation.id}/offers`;
  });
  afterAll(() => ctx.close());

  let n = 0;
  /** A fresh offer sold in the US and Sweden; sets `base` to its address. */
  const freshOffer = async () => {
    n++;
    const response = await as(ctx.app, world.partnerA.owner).post(offersUrl, {
      name: `Offer ${n}`,
      alias: `contacts-${n}`,
      offerType: 'saas',
      markets: ['US', 'SE'],
    });
    expect(response.statusCode).toBe(201);
    base = `${offersUrl}/${json<{ id: string }>(response).id}`;
    return base;
  };
  const owner = () => as(ctx.app, world.partnerA.owner);
  const contacts = async () =>
    json<{ items: Contact[]; contactsVersion: number }>(await owner().get(`${base}/contacts`));
  const tab = async () => json<Tab>(await owner().get(`${base}/cosell`));
  const stage = (body: Buffer, headers: Record<string, string> = {}) =>
    owner().post(`${base}/contact-imports?fileName=contacts.csv`, body, {
      'content-type': 'text/csv',
      ...headers,
    });
  const importFile = async (body: Buffer) => {
    const staged = await stage(body);
    expect(staged.statusCode, staged.body).toBe(201);
    const preview = json<Preview>(staged);
    const applied = await owner().post(
      `${base}/contact-imports/${preview.import.id}/apply`,
      undefined,
      {
        'if-match': `"v${preview.import.baseContactsVersion}"`,
      },
    );
    expect(applied.statusCode, applied.body).toBe(200);
    return preview;
  };

  it('serves the template: BOM, the six columns in order, one example row, legend lines', async () => {
    const response = await owner().get('/api/contacts/template.csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(
      /^attachment; filename="contacts-template.csv"/,
    );
    const [header, example, ...legend] = response.body.split('\r\n').slice(0, -1);
    expect(header).toBe(`\uFEFF${HEADER}`);
    expect(example).toMatch(/^Alex Example,alex@example\.com,/);
    expect(legend.length).toBeGreaterThanOrEqual(3);
    expect(legend.every((line) => /^"?# /.test(line))).toBe(true);
  });

  it('imports the template as downloaded plus the rows typed into it, not its example or legend', async () => {
    await freshOffer();
    const template = (await owner().get('/api/contacts/template.csv')).body;
    const preview = await importFile(
      Buffer.from(
        `${template}Ada Lovelace,ada@contoso.example,Sales lead,Partner sales,Sverige,\r\n`,
      ),
    );
    expect(preview.import.rowCount).toBe(1);
    expect(preview.added.sample).toMatchObject([{ name: 'Ada Lovelace', countries: ['SE'] }]);
  });

  describe('a file filled in the user’s language', () => {
    /** `text` with its Polish letters as Windows-1250 writes them (Polish Excel, plain CSV). */
    const windows1250 = (text: string) => {
      const bytes: Record<string, number> = {
        ł: 0xb3,
        ą: 0xb9,
        ż: 0xbf,
        Ż: 0xaf,
        Ł: 0xa3,
        ó: 0xf3,
      };
      return Buffer.from([...text].map((char) => bytes[char] ?? char.charCodeAt(0)));
    };
    const file = windows1250(
      `${HEADER}\r\nPaweł Żak,pawel@contoso.example,Dyrektor,Sprzedaż partnera,"Stany Zjednoczone, Szwecja",\r\n`,
    );
    const setLocale = (locale: string) => owner().patch('/api/me', { locale });
    afterAll(async () => {
      await setLocale('en');
    });

    it('reads country names, translated roles and Windows-1250 for a Polish user', async () => {
      await freshOffer();
      await setLocale('pl-PL');
      const staged = await stage(file);
      expect(staged.statusCode, staged.body).toBe(201);
      expect(json<Preview>(staged).added.sample).toEqual([
        {
          name: 'Paweł Żak',
          email: 'pawel@contoso.example',
          jobTitle: 'Dyrektor',
          role: 'partner-sales',
          countries: ['US', 'SE'],
          states: [],
        },
      ]);
    });

    it('refuses the same bytes for an English user, naming the code page and CSV UTF-8', async () => {
      await freshOffer();
      await setLocale('en');
      const before = await contacts();
      const response = await stage(file);
      expect(response.statusCode).toBe(400);
      const problem = json<Problem>(response);
      expect(problem.detail).not.toMatch(/row/i);
      expect(problem.errors).toEqual([
        expect.objectContaining({ field: 'file', code: 'contacts.csv.encoding' }),
      ]);
      expect(problem.errors![0]!.detail).toMatch(/Windows-1250.*CSV UTF-8/);
      expect(await contacts()).toEqual(before);
    });

    it('names an unknown country whole, not word by word', async () => {
      await freshOffer();
      const response = await stage(
        csv('Ada,ada@contoso.example,Seller,Partner sales,New Zeeland,'),
      );
      expect(response.statusCode).toBe(400);
      const errors = json<Problem>(response).errors!;
      expect(errors).toHaveLength(1);
      expect(errors[0]!.detail).toContain('“New Zeeland”');
    });
  });

  it('imports a file: preview first, nothing changes until confirmed, then all at once', async () => {
    await freshOffer();
    const staged = await stage(
      csv(
        'Ada Lovelace,ada@contoso.example,Sales lead,Partner sales,"US, SE",US-WA',
        'Grace Hopper,grace@contoso.example,Architect,Partner technical sales,OOO,',
      ),
    );
    expect(staged.statusCode, staged.body).toBe(201);
    const preview = json<Preview>(staged);
    expect(preview.import).toMatchObject({ rowCount: 2, state: 'pending', baseContactsVersion: 1 });
    expect(preview.added.count).toBe(2);
    expect(preview.added.sample[0]).toEqual({
      name: 'Ada Lovelace',
      email: 'ada@contoso.example',
      jobTitle: 'Sales lead',
      role: 'partner-sales',
      countries: ['US', 'SE'],
      states: ['US-WA'],
    });
    expect((await contacts()).items).toEqual([]);

    const applied = await owner().post(
      `${base}/contact-imports/${preview.import.id}/apply`,
      undefined,
      {
        'if-match': '"v1"',
      },
    );
    expect(applied.statusCode, applied.body).toBe(200);
    const list = await contacts();
    expect(list.items.map((c) => c.email)).toEqual([
      'ada@contoso.example',
      'grace@contoso.example',
    ]);
    const t = await tab();
    expect(t.contactCount).toBe(2);
    expect(t.sections.contacts).toBe('complete');
    expect(t.checklist.find((i) => i.id === 'contacts/partnerSales')!.met).toBe(true);
    // A confirmed import cannot be confirmed twice.
    expect(
      (await owner().post(`${base}/contact-imports/${preview.import.id}/apply`)).statusCode,
    ).toBe(409);
  });

  it('previews added, removed and changed contacts, and undoes the last import', async () => {
    await freshOffer();
    await importFile(
      csv(
        'Ada,ada@contoso.example,Sales lead,Partner sales,US,',
        'Bob,bob@contoso.example,Marketer,Partner marketing,SE,',
      ),
    );
    const staged = await stage(
      csv(
        'Ada,ADA@contoso.example,Head of sales,Partner sales,US,',
        'Cy,cy@contoso.example,CSM,Partner customer success manager,"SE,US",',
      ),
    );
    const preview = json<Preview>(staged);
    expect([
      preview.added.count,
      preview.removed.count,
      preview.changed.count,
      preview.unchanged,
    ]).toEqual([1, 1, 1, 0]);
    expect(preview.changed.sample[0]).toMatchObject({
      before: { jobTitle: 'Sales lead' },
      after: { jobTitle: 'Head of sales' },
    });
    expect(preview.removed.sample[0]!.email).toBe('bob@contoso.example');
    await owner().post(`${base}/contact-imports/${preview.import.id}/apply`);
    expect((await contacts()).items.map((c) => c.name)).toEqual(['Ada', 'Cy']);
    expect((await tab()).undoableImportId).toBe(preview.import.id);

    const undone = await owner().post(`${base}/contact-imports/${preview.import.id}/undo`);
    expect(undone.statusCode, undone.body).toBe(200);
    expect((await contacts()).items.map((c) => `${c.name}:${c.jobTitle}`)).toEqual([
      'Ada:Sales lead',
      'Bob:Marketer',
    ]);
    expect((await tab()).undoableImportId).toBeNull();
  });

  it('refuses a file with any bad row whole, naming every row and column, and changes nothing', async () => {
    await freshOffer();
    await importFile(csv('Ada,ada@contoso.example,Sales lead,Partner sales,US,'));
    const before = await contacts();
    const response = await stage(
      csv(
        'Good Row,good@contoso.example,Seller,Partner sales,SE,',
        'Bad Mail,not-an-email,Seller,Partner sales,SE,',
        ',nobody@contoso.example,Seller,Chief,XX,',
        'Mixed,mixed@contoso.example,Seller,Partner sales,"OOO, US",',
        'State,state@contoso.example,Seller,Partner sales,SE,US-WA',
      ),
    );
    expect(response.statusCode).toBe(400);
    const problem = json<Problem>(response);
    expect(problem.code).toBe('VALIDATION');
    const fields = problem.errors!.map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'rows.3.email',
        'rows.4.name',
        'rows.4.role',
        'rows.4.countries',
        'rows.5.countries',
        'rows.6.states',
      ]),
    );
    expect(fields.some((f) => f.startsWith('rows.2.'))).toBe(false);
    // Four bad rows, all named; the good one is not.
    expect(problem.detail).toContain('4');
    expect(await contacts()).toEqual(before);
  });

  it('names bad rows in the user’s language', async () => {
    await freshOffer();
    const sv = as(ctx.app, world.partnerA.manager);
    await sv.patch('/api/me', { locale: 'sv-SE' });
    const response = await sv.post(
      `${base}/contact-imports`,
      csv('Ada,not-an-email,Seller,Partner sales,US,'),
      { 'content-type': 'text/csv' },
    );
    expect(response.statusCode).toBe(400);
    const problem = json<Problem>(response);
    // One bad row: the plural form of one, in Swedish.
    expect(problem.detail).toMatch(/^1 rad behöver rättas\./);
    expect(problem.errors![0]!.detail).toMatch(/2/);
  });

  it('refuses repeated e-mail and role in one file, naming both rows', async () => {
    await freshOffer();
    const response = await stage(
      csv(
        'Ada,ada@contoso.example,Seller,Partner sales,US,',
        'Ada again,Ada@Contoso.example,Seller,Partner sales,SE,',
        'Ada tech,ada@contoso.example,Architect,Partner technical sales,SE,',
      ),
    );
    expect(response.statusCode).toBe(400);
    expect(json<Problem>(response).errors).toEqual([
      expect.objectContaining({ field: 'rows.3.email', code: 'import.duplicateRow' }),
    ]);
  });

  it('accepts what Swedish and Polish spreadsheets write: semicolons, BOM, CRLF, lower-case codes', async () => {
    await freshOffer();
    const text =
      '\uFEFFName;Email;Job title;Role;Countries/Regions;States/Provinces\r\n' +
      'Åsa Öberg;asa@contoso.example;Säljchef;partner sales;us, se;us-wa\r\n' +
      '"Zażółć; Gęślą";jazn@contoso.example;"Kierownik\r\nsprzedaży";Partner technical sales;pl;\r\n';
    const preview = await importFile(Buffer.from(text, 'utf8'));
    expect(preview.added.count).toBe(2);
    const list = (await contacts()).items;
    expect(list[0]).toMatchObject({
      name: 'Åsa Öberg',
      countries: ['US', 'SE'],
      states: ['US-WA'],
    });
    // A line break inside a cell (Alt+Enter in Excel) is kept as a space: contacts are one line.
    expect(list[1]).toMatchObject({ name: 'Zażółć; Gęślą', jobTitle: 'Kierownik sprzedaży' });
  });

  it('accepts UTF-16 with BOM (Excel’s “Unicode text”) with tabs', async () => {
    await freshOffer();
    const text =
      'Name\tEmail\tJob title\tRole\tCountries/Regions\tStates/Provinces\r\n' +
      '李雷\tli@contoso.example\t销售经理\tPartner sales\tCN\t\r\n';
    const body = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    await importFile(body);
    expect((await contacts()).items[0]).toMatchObject({ name: '李雷', countries: ['CN'] });
  });

  it('refuses an empty file and a stale confirmation', async () => {
    await freshOffer();
    expect((await stage(Buffer.from(`${HEADER}\r\n`))).statusCode).toBe(400);
    const staged = json<Preview>(
      await stage(csv('Ada,ada@contoso.example,Seller,Partner sales,US,')),
    );
    // Someone adds a contact between preview and confirmation.
    const added = await owner().post(`${base}/contacts`, {
      name: 'Eve',
      email: 'eve@contoso.example',
      jobTitle: 'Seller',
      role: 'partner-sales',
      countries: ['SE'],
      states: [],
    });
    expect(added.statusCode, added.body).toBe(201);
    const applied = await owner().post(
      `${base}/contact-imports/${staged.import.id}/apply`,
      undefined,
      {
        'if-match': `"v${staged.import.baseContactsVersion}"`,
      },
    );
    expect(applied.statusCode).toBe(412);
    expect((await contacts()).items.map((c) => c.name)).toEqual(['Eve']);
  });

  it('exports in the template shape with formulas neutralised, and the export imports back', async () => {
    await freshOffer();
    const add = (body: Record<string, unknown>) => owner().post(`${base}/contacts`, body);
    expect(
      (
        await add({
          name: '=HYPERLINK("http://evil.example","click")',
          email: 'formula@contoso.example',
          jobTitle: '+Sales, "EMEA"',
          role: 'partner-sales',
          countries: ['US', 'SE'],
          states: ['US-WA'],
        })
      ).statusCode,
    ).toBe(201);
    const exported = await owner().get(`${base}/contacts.csv`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-disposition']).toMatch(
      /^attachment; filename="contacts-contacts-\d+\.csv"/,
    );
    const lines = exported.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(HEADER);
    expect(lines[1]).toBe(
      `"'=HYPERLINK(""http://evil.example"",""click"")",formula@contoso.example,"'+Sales, ""EMEA""",Partner sales,"US, SE",US-WA`,
    );
    const before = (await contacts()).items.map(({ id: _id, version: _v, ...c }) => c);
    const preview = json<Preview>(await stage(Buffer.from(exported.rawPayload)));
    expect([
      preview.added.count,
      preview.removed.count,
      preview.changed.count,
      preview.unchanged,
    ]).toEqual([0, 0, 0, 1]);
    await owner().post(`${base}/contact-imports/${preview.import.id}/apply`);
    expect((await contacts()).items.map(({ id: _id, version: _v, ...c }) => c)).toEqual(before);
  });

  it('edits the table one contact at a time, guarding each with its version', async () => {
    await freshOffer();
    const body = {
      name: 'Ada',
      email: 'ada@contoso.example',
      jobTitle: 'Seller',
      role: 'partner-sales',
      countries: ['US'],
      states: [],
    };
    const created = await owner().post(`${base}/contacts`, body);
    expect(created.statusCode, created.body).toBe(201);
    const contact = json<{ contact: Contact }>(created).contact;
    expect((await owner().post(`${base}/contacts`, body)).statusCode).toBe(409);
    const bad = await owner().post(`${base}/contacts`, { ...body, email: 'x', countries: ['ZZ'] });
    expect(bad.statusCode).toBe(400);
    expect(
      json<Problem>(bad)
        .errors!.map((e) => e.field)
        .sort(),
    ).toEqual(['countries.0', 'email']);

    const edited = await owner().put(
      `${base}/contacts/${contact.id}`,
      { ...body, countries: ['US', 'SE'] },
      {
        'if-match': `"v${contact.version}"`,
      },
    );
    expect(edited.statusCode, edited.body).toBe(200);
    expect((await tab()).checklist.find((i) => i.id === 'contacts/partnerSales')!.met).toBe(true);
    const stale = await owner().put(`${base}/contacts/${contact.id}`, body, {
      'if-match': `"v${contact.version}"`,
    });
    expect(stale.statusCode).toBe(412);
    expect((await owner().delete(`${base}/contacts/${contact.id}`)).statusCode).toBe(200);
    expect((await contacts()).items).toEqual([]);
    const t = await tab();
    expect(t.sections.contacts).toBe('not-started');
    expect(t.checklist.find((i) => i.id === 'contacts/partnerSales')!.message).toContain('US, SE');
  });

  it('refuses a contacts file over the size limit with 413 before reading it', async () => {
    await freshOffer();
    const limited = await createTestContext({ CONTACTS_IMPORT_MAX_MB: '1' });
    try {
      const w = await seedWorld(limited.deps);
      const url = `/api/organisations/${w.partnerA.organisation.id}/offers`;
      const offer = json<{ id: string }>(
        await as(limited.app, w.partnerA.owner).post(url, {
          name: 'Big',
          alias: 'big',
          offerType: 'saas',
        }),
      );
      const big = Buffer.alloc(1024 * 1024 + 10, 'a');
      const response = await as(limited.app, w.partnerA.owner).post(
        `${url}/${offer.id}/contact-imports`,
        big,
        { 'content-type': 'text/csv' },
      );
      expect(response.statusCode).toBe(413);
      expect(json<Problem>(response).code).toBe('PAYLOAD_TOO_LARGE');
    } finally {
      await limited.close();
    }
  });

  it('records imports and undo in the audit log', async () => {
    await freshOffer();
    const preview = await importFile(csv('Ada,ada@contoso.example,Seller,Partner sales,US,'));
    await owner().post(`${base}/contact-imports/${preview.import.id}/undo`);
    const offerId = base.split('/').pop();
    const actions = json<{ items: { action: string; entityId: string }[] }>(
      await owner().get(`/api/organisations/${world.partnerA.organisation.id}/audit?limit=200`),
    )
      .items.filter((e) => e.entityId === offerId)
      .map((e) => e.action);
    expect(actions).toEqual(['offer.contacts.importUndo', 'offer.contacts.import', 'offer.create']);
  });
});
