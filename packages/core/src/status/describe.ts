/**
 * The rules engine's results in the reader's language: requirements, benefits, the reasons of a
 * policy switch and invalid data, each with a `message` beside its code and parameters (what
 * the API answers and the web app shows). Amounts, percentages, dates, document kinds, markets
 * and statuses are written as the reader writes them.
 */
import type { Locale } from '../accounts/accounts.types';
import { translate } from '../i18n/messages';
import { DOCUMENT_KIND_NAMES, statusLabel } from '../i18n/names';
import type { BenefitResult, Benefits } from '../program/benefits';
import type { InvalidUnderPolicy, StatusChangeReason } from '../program/evaluation';
import type { ProgramPolicy } from '../program/policies';
import type { RequirementResult } from '../program/status-engine';
import type { CosellStatusId } from '../reference/cosell-statuses';
import type { DocumentKindId } from '../reference/documents';

type Params = Record<string, string | number>;

const list = (items: string[], locale: Locale) =>
  new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);

/** Amounts, document kinds and markets of a requirement, as the reader writes them. */
export function readableParams(id: string, params: Params, locale: Locale): Params {
  const out = { ...params };
  if (id === 'revenue.threshold') {
    const amount = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
    for (const key of ['threshold', 'acr', 'billed']) {
      const value = out[key];
      if (typeof value === 'number') out[key] = amount.format(value);
    }
  }
  if ((id === 'documents.cosellReady' || id === 'documents.azureIp') && out.missing) {
    const names = DOCUMENT_KIND_NAMES[locale];
    out.missing = list(
      String(out.missing)
        .split(', ')
        .map((kind) => names[kind as DocumentKindId] ?? kind),
      locale,
    );
  }
  if (id === 'tab.partnerSalesContacts' && out.missing) {
    const regions = new Intl.DisplayNames([locale], { type: 'region' });
    out.missing = list(
      String(out.missing)
        .split(', ')
        .map((code) => regions.of(code) ?? code),
      locale,
    );
  }
  return out;
}

/** A requirement result with its explanation; its checklist parts stay with the co-sell tab. */
export function describeRequirement(result: RequirementResult, locale: Locale) {
  const { parts: _parts, ...rest } = result;
  return {
    ...rest,
    message: translate(locale, result.code, readableParams(result.id, result.params, locale)),
  };
}

const percent = (value: number, locale: Locale) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 }).format(value / 100);

/** Every benefit with its explanation: statuses by name, percentages and dates localised. */
export function describeBenefits(
  benefits: Benefits,
  locale: Locale,
  policy: ProgramPolicy,
): (BenefitResult & { message: string })[] {
  return benefits.explanations.map((result) => {
    const params: Params = { ...result.params };
    for (const key of ['percent', 'standard', 'reduced']) {
      const value = params[key];
      if (typeof value === 'number') params[key] = percent(value, locale);
    }
    if (typeof params.status === 'string') {
      params.status = statusLabel(params.status as CosellStatusId, locale, policy.namingEra);
    }
    if (typeof params.date === 'string') {
      params.date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
        new Date(params.date),
      );
    }
    return { ...result, message: translate(locale, result.code, params) };
  });
}

/** Why an offer's status changes with a policy switch, in the reader's language. */
export function describeStatusChange(
  reasons: readonly StatusChangeReason[],
  locale: Locale,
  policies: { active: ProgramPolicy; candidate: ProgramPolicy },
) {
  return reasons.map((reason) => {
    const params = reason.requirement
      ? readableParams(reason.requirement, reason.params, locale)
      : { ...reason.params };
    if (typeof params.status === 'string') {
      // A status the active policy lacked is named as the candidate names it, and vice versa.
      const policy = reason.code === 'policyPreview.statusUnavailable' ? 'active' : 'candidate';
      params.status = statusLabel(
        params.status as CosellStatusId,
        locale,
        policies[policy].namingEra,
      );
    }
    return { ...reason, message: translate(locale, reason.code, params) };
  });
}

/** Invalid data of a policy switch, in the reader's language. */
export function describeInvalid(problems: readonly InvalidUnderPolicy[], locale: Locale) {
  return problems.map((problem) => ({
    ...problem,
    message: translate(locale, problem.code, problem.params),
  }));
}
