/**
 * Names a reader sees in explanations and notifications: document kinds and co-sell statuses in
 * each language (the same names the web app shows).
 */
import {
  cosellStatusName,
  type CosellPolicyEra,
  type CosellStatusId,
} from '../reference/cosell-statuses';
import type { DocumentKindId } from '../reference/documents';
import type { Locale } from '../accounts/accounts.types';

export const DOCUMENT_KIND_NAMES: Record<Locale, Record<DocumentKindId, string>> = {
  en: {
    'one-pager': 'Solution one-pager',
    'pitch-deck': 'Solution pitch deck',
    'customer-case-study': 'Customer case study',
    'verifiable-customer-wins': 'Verifiable customer wins',
    'channel-pitch-deck': 'Channel pitch deck',
    'reference-architecture-diagram': 'Reference architecture diagram',
    other: 'Other documents or videos',
  },
  'zh-CN': {
    'one-pager': '解决方案单页介绍',
    'pitch-deck': '解决方案演示文稿',
    'customer-case-study': '客户案例研究',
    'verifiable-customer-wins': '可验证的客户成功案例',
    'channel-pitch-deck': '渠道演示文稿',
    'reference-architecture-diagram': '参考体系结构图',
    other: '其他文档或视频',
  },
  'zh-TW': {
    'one-pager': '解決方案單頁簡介',
    'pitch-deck': '解決方案簡報',
    'customer-case-study': '客戶案例研究',
    'verifiable-customer-wins': '可驗證的客戶成功案例',
    'channel-pitch-deck': '通路簡報',
    'reference-architecture-diagram': '參考架構圖',
    other: '其他文件或影片',
  },
  'sv-SE': {
    'one-pager': 'Produktsammanfattning (one-pager)',
    'pitch-deck': 'Säljpresentation',
    'customer-case-study': 'Kundberättelse',
    'verifiable-customer-wins': 'Verifierbara kundaffärer',
    'channel-pitch-deck': 'Presentation för återförsäljare',
    'reference-architecture-diagram': 'Referensarkitekturdiagram',
    other: 'Andra dokument eller videor',
  },
  'pl-PL': {
    'one-pager': 'Jednostronicowy opis rozwiązania',
    'pitch-deck': 'Prezentacja sprzedażowa rozwiązania',
    'customer-case-study': 'Studium przypadku klienta',
    'verifiable-customer-wins': 'Weryfikowalne sukcesy u klientów',
    'channel-pitch-deck': 'Prezentacja dla partnerów handlowych',
    'reference-architecture-diagram': 'Diagram architektury referencyjnej',
    other: 'Inne dokumenty lub filmy',
  },
};

/** Co-sell status names in each language other than English (English follows the policy era). */
const STATUS_NAMES: Record<Exclude<Locale, 'en'>, Record<CosellStatusId, string>> = {
  'zh-CN': {
    'not-cosell-ready': '未具备共同销售资格',
    'cosell-ready': '已具备共同销售资格',
    'azure-ip-cosell-incentivized': 'Azure IP 共同销售激励',
    'business-applications-standard': '业务应用程序共同销售激励（标准）',
    'business-applications-premium': '业务应用程序共同销售激励（高级）',
  },
  'zh-TW': {
    'not-cosell-ready': '未具備共同銷售資格',
    'cosell-ready': '已具備共同銷售資格',
    'azure-ip-cosell-incentivized': 'Azure IP 共同銷售獎勵',
    'business-applications-standard': '商務應用程式共同銷售獎勵（標準）',
    'business-applications-premium': '商務應用程式共同銷售獎勵（進階）',
  },
  'sv-SE': {
    'not-cosell-ready': 'Inte redo för samförsäljning',
    'cosell-ready': 'Redo för samförsäljning',
    'azure-ip-cosell-incentivized': 'Samförsäljningsincitament för Azure IP',
    'business-applications-standard':
      'Samförsäljningsincitament för Business Applications (standard)',
    'business-applications-premium':
      'Samförsäljningsincitament för Business Applications (premium)',
  },
  'pl-PL': {
    'not-cosell-ready': 'Niegotowa do wspólnej sprzedaży',
    'cosell-ready': 'Gotowa do wspólnej sprzedaży',
    'azure-ip-cosell-incentivized': 'Zachęta do wspólnej sprzedaży Azure IP',
    'business-applications-standard':
      'Zachęta do wspólnej sprzedaży Business Applications (standardowa)',
    'business-applications-premium':
      'Zachęta do wspólnej sprzedaży Business Applications (premium)',
  },
};

/** The name of a status for a reader: the policy era's own name in English, else the translation. */
export function statusLabel(status: CosellStatusId, locale: Locale, era: CosellPolicyEra): string {
  return locale === 'en' ? cosellStatusName(status, era) : STATUS_NAMES[locale][status];
}
