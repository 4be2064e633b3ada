/**
 * The offer form's working copy (create dialog and "Offer setup" tab): from an offer, to a
 * create body, and to a patch that names only what changed. The marketplace status
 * (lifecycle) is not part of it: publishing sets it (draft → preview → live).
 */
import type { MarketCode, Offer, OfferTypeId } from '../../api/client';

export interface OfferFormValues {
  name: string;
  alias: string;
  /** Null until the user picks one (there is no sensible default). */
  offerType: OfferTypeId | null;
  summary: string;
  description: string;
  markets: MarketCode[];
  transactable: boolean;
  pricedAboveZero: boolean;
  cspOptIn: boolean;
}

export type OfferBody = Omit<OfferFormValues, 'offerType'> & { offerType: OfferTypeId };

/** Field limits, as the server checks them (Partner Center's offer setup and listing pages). */
export const OFFER_LIMITS = { name: 200, alias: 50, summary: 100, description: 5000 } as const;

export const emptyOfferForm = (): OfferFormValues => ({
  name: '',
  alias: '',
  offerType: null,
  summary: '',
  description: '',
  markets: [],
  transactable: false,
  pricedAboveZero: false,
  cspOptIn: false,
});

export const offerFormOf = (offer: Offer): OfferFormValues => ({
  name: offer.name,
  alias: offer.alias,
  offerType: offer.offerType,
  summary: offer.summary,
  description: offer.description,
  markets: [...offer.markets],
  transactable: offer.transactable,
  pricedAboveZero: offer.pricedAboveZero,
  cspOptIn: offer.cspOptIn,
});

/** Applies a change; turning "transactable" off also clears "priced above zero". */
export function updateOfferForm(
  values: OfferFormValues,
  change: Partial<OfferFormValues>,
): OfferFormValues {
  const next = { ...values, ...change };
  if (!next.transactable) next.pricedAboveZero = false;
  return next;
}

/** The fields the user must fill before the form can be sent. */
export const missingRequired = (values: OfferFormValues) =>
  values.name.trim() === '' || values.alias.trim() === '' || values.offerType === null;

/** The create body (texts trimmed); null while a required field is missing. */
export function toOfferBody(values: OfferFormValues): OfferBody | null {
  if (missingRequired(values) || values.offerType === null) return null;
  return {
    ...values,
    offerType: values.offerType,
    name: values.name.trim(),
    alias: values.alias.trim(),
    summary: values.summary.trim(),
    description: values.description.trim(),
  };
}

const sameMarkets = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Only the fields that differ from `offer` (an empty object when nothing changed). */
export function offerPatch(offer: Offer, values: OfferFormValues): Partial<OfferBody> {
  const body = toOfferBody(values);
  if (!body) return {};
  const patch: Partial<OfferBody> = {};
  for (const key of Object.keys(body) as (keyof OfferBody)[]) {
    const changed =
      key === 'markets' ? !sameMarkets(body.markets, offer.markets) : body[key] !== offer[key];
    if (changed) (patch as Record<string, unknown>)[key] = body[key];
  }
  return patch;
}
