/**
 * Offers of the demo program, built through the same use cases as the API: one offer live
 * with an Azure IP co-sell status (reviewed, profile and revenue set), one waiting in the
 * vendor's review queue, and one draft. Documents are small generated PDFs that pass the
 * same checks as any upload.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  addContact,
  createOffer,
  decideReview,
  getProgram,
  getPublishView,
  goLive,
  saveCosellDraft,
  storeDocument,
  submitForPublish,
  updateProgramProfile,
  type Actor,
  type DocumentKindId,
  type OfferFields,
  type Taxonomy,
} from '@cosell/core';
import type { AppDeps } from '../deps';
import { inspectDocument } from '../storage';

/** A one-page PDF with a title line (the structure the upload checks expect). */
export function demoPdf(title: string): Buffer {
  const text = title.replace(/[()\\]/g, ' ');
  const content = `BT /F1 24 Tf 72 720 Td (${text}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(Buffer.byteLength(body, 'latin1'));
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body, 'latin1');
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  body += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('');
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function uploadPdf(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  offerId: string,
  kind: DocumentKindId,
  title: string,
) {
  const dir = path.join(deps.config.dataDir, 'tmp');
  await mkdir(dir, { recursive: true });
  const tempPath = path.join(dir, `seed-${randomUUID()}.pdf`);
  const bytes = demoPdf(title);
  await writeFile(tempPath, bytes, { mode: 0o600 });
  try {
    const inspected = await inspectDocument(tempPath, '.pdf');
    if (!inspected.ok) throw new Error(`demo document refused: ${inspected.code}`);
    await storeDocument(deps.offers, actor, organisationId, offerId, kind, {
      fileName: `${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.pdf`,
      contentType: 'application/pdf',
      tempPath,
      sizeBytes: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
  } finally {
    await rm(tempPath, { force: true });
  }
}

interface DemoOfferInput {
  fields: Omit<OfferFields, 'lifecycleState'>;
  solutionType: 'ip' | 'service' | 'managed-service' | 'device';
  documents: [DocumentKindId, string][];
  contacts: { name: string; email: string; jobTitle: string }[];
}

/** Creates an offer with a complete co-sell tab; returns its id. */
async function buildOffer(
  deps: AppDeps,
  actor: Actor,
  organisationId: string,
  taxonomy: Taxonomy,
  input: DemoOfferInput,
  areaIndex: number,
): Promise<string> {
  const offer = await createOffer(deps.offers, actor, organisationId, input.fields);
  const area = taxonomy.solutionAreas[areaIndex % taxonomy.solutionAreas.length]!;
  await saveCosellDraft(
    deps.offers,
    actor,
    organisationId,
    offer.id,
    {
      listing: {
        platforms: taxonomy.platforms.slice(0, 2).map((p) => p.id),
        segments: taxonomy.segments.slice(0, 1).map((s) => s.id),
        solutionType: input.solutionType,
        solutionAreas: [
          { areaId: area.id, subAreaIds: area.subAreas.slice(0, 2).map((s) => s.id) },
        ],
      },
      landingPageUrl: `https://${input.fields.alias}.example/co-sell`,
    },
    [offer.version],
  );
  for (const [kind, title] of input.documents) {
    await uploadPdf(deps, actor, organisationId, offer.id, kind, title);
  }
  for (const contact of input.contacts) {
    await addContact(deps.offers, actor, organisationId, offer.id, {
      ...contact,
      role: 'partner-sales',
      countries: ['OOO'],
      states: [],
    });
  }
  return offer.id;
}

async function submit(deps: AppDeps, actor: Actor, organisationId: string, offerId: string) {
  const view = await getPublishView(deps.offers, actor, organisationId, offerId);
  const submitted = await submitForPublish(
    deps.offers,
    actor,
    organisationId,
    offerId,
    view.required,
    [view.offer.draftVersion],
  );
  await deps.jobs.drain();
  return submitted.current!;
}

export interface DemoActors {
  admin: Actor;
  reviewer: Actor;
  partners: { organisationId: string; owner: Actor; name: string; domain: string }[];
}

/** The demo's offers, statuses and review queue. */
export async function seedDemoOffers(deps: AppDeps, actors: DemoActors) {
  const taxonomy = (await getProgram(deps.account)).taxonomy as Taxonomy;
  const [contoso, fabrikam, northwind] = actors.partners as [
    DemoActors['partners'][number],
    DemoActors['partners'][number],
    DemoActors['partners'][number],
  ];

  // Contoso: live, reviewed, profile and revenue in place → Azure IP co-sell.
  const insights = await buildOffer(
    deps,
    contoso.owner,
    contoso.organisationId,
    taxonomy,
    {
      fields: {
        name: 'Contoso Retail Insights',
        alias: 'contoso-retail-insights',
        offerType: 'saas',
        summary: 'Store analytics that predict demand and staff needs.',
        description:
          'Contoso Retail Insights turns point-of-sale and footfall data into forecasts.',
        markets: ['US', 'GB', 'SE', 'PL', 'CN', 'TW'],
        transactable: true,
        pricedAboveZero: true,
        cspOptIn: true,
      },
      solutionType: 'ip',
      documents: [
        ['one-pager', 'Contoso Retail Insights one-pager'],
        ['pitch-deck', 'Contoso Retail Insights pitch deck'],
        ['reference-architecture-diagram', 'Contoso Retail Insights architecture'],
      ],
      contacts: [
        { name: 'Avery Chen', email: `avery@${contoso.domain}`, jobTitle: 'Partner sales lead' },
      ],
    },
    0,
  );
  const submission = await submit(deps, contoso.owner, contoso.organisationId, insights);
  await decideReview(
    deps.offers,
    actors.reviewer,
    contoso.organisationId,
    submission.id,
    {
      decision: 'approve',
      report: 'Collateral complete; the architecture runs on Azure Kubernetes Service.',
      technicalValidation: 'passed',
      revenueVerified: true,
    },
    'any',
  );
  await deps.jobs.drain();
  await goLive(deps.offers, contoso.owner, contoso.organisationId, insights, submission.id);
  await deps.jobs.drain();
  await updateProgramProfile(
    deps.offers,
    contoso.owner,
    contoso.organisationId,
    { partnerId: '4100001', marketplaceAccountActive: true, businessProfileComplete: true },
    'any',
  );
  await updateProgramProfile(
    deps.offers,
    actors.admin,
    contoso.organisationId,
    { azureConsumedRevenueUsd: 240_000, marketplaceBilledRevenueUsd: 85_000 },
    'any',
  );

  // Fabrikam: submitted and waiting in the review queue.
  const guard = await buildOffer(
    deps,
    fabrikam.owner,
    fabrikam.organisationId,
    taxonomy,
    {
      fields: {
        name: 'Fabrikam Threat Guard',
        alias: 'fabrikam-threat-guard',
        offerType: 'azure-application',
        summary: 'Threat detection for Azure workloads.',
        description: 'Fabrikam Threat Guard watches Azure resources for attacks.',
        markets: ['US', 'DE', 'SE'],
        transactable: true,
        pricedAboveZero: true,
        cspOptIn: false,
      },
      solutionType: 'ip',
      documents: [
        ['one-pager', 'Fabrikam Threat Guard one-pager'],
        ['pitch-deck', 'Fabrikam Threat Guard pitch deck'],
      ],
      contacts: [
        { name: 'Jordan Berg', email: `jordan@${fabrikam.domain}`, jobTitle: 'Channel sales' },
      ],
    },
    1,
  );
  await updateProgramProfile(
    deps.offers,
    fabrikam.owner,
    fabrikam.organisationId,
    { partnerId: '4100002', marketplaceAccountActive: true, businessProfileComplete: true },
    'any',
  );
  await submit(deps, fabrikam.owner, fabrikam.organisationId, guard);

  // Northwind: a draft consulting offer, its co-sell tab still incomplete.
  await createOffer(deps.offers, northwind.owner, northwind.organisationId, {
    name: 'Northwind Data Advisory',
    alias: 'northwind-data-advisory',
    offerType: 'consulting-service',
    summary: 'A four-week data platform assessment.',
    description: '',
    markets: ['US', 'PL'],
    transactable: false,
    pricedAboveZero: false,
    cspOptIn: false,
  });
}
