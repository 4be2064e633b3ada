/**
 * Document kind names in each language, for the status page's explanations (the same names the
 * web app's documents section shows).
 */
import type { DocumentKindId } from '../reference/documents';
import type { Locale } from '../tenant/tenant.types';

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
