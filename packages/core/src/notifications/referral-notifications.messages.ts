import type { ModuleCatalogue } from '../i18n/catalogue';

/*
 * Notifications about co-sell opportunities (SPEC §7.7): the subject and text of each, in the
 * bell and by e-mail. `{name}` is the deal, `{partner}` the other organisation (or, for a
 * storefront lead, the customer), `{reasonName}` a decline or loss reason, `{expiresOn}` a date.
 */
const en = {
  'notification.referral.received.subject': 'New co-sell opportunity: “{name}”',
  'notification.referral.received.text':
    '{partner} sent your company the co-sell opportunity “{name}”. Accept or decline it within 14 days, or it expires.',
  'notification.referral.accepted.subject': '“{name}” was accepted',
  'notification.referral.accepted.text':
    '{partner} accepted the co-sell opportunity “{name}” your company sent.',
  'notification.referral.declined.subject': '“{name}” was declined',
  'notification.referral.declined.text':
    '{partner} declined the co-sell opportunity “{name}” your company sent. Reason: {reasonName}.',
  'notification.referral.expiring.subject': '“{name}” expires on {expiresOn}',
  'notification.referral.expiring.text':
    'Nobody has answered the co-sell opportunity “{name}” from {partner} yet. Accept or decline it before {expiresOn}, or it expires.',
  'notification.referral.expired.subject': '“{name}” expired',
  'notification.referral.expired.text':
    'Nobody answered the co-sell opportunity “{name}” from {partner} within 14 days, so it expired and was archived.',
  'notification.referral.expiredSender.subject': '“{name}” expired unanswered',
  'notification.referral.expiredSender.text':
    '{partner} did not answer the co-sell opportunity “{name}” your company sent within 14 days, so it expired.',
  'notification.referral.invited.subject': '{partner} invited you to “{name}”',
  'notification.referral.invited.text':
    '{partner} invited your company to work on the deal “{name}” with them. Accept or decline the invitation within 14 days, or it expires.',
  'notification.referral.closed.subject': '“{name}” was won',
  'notification.referral.closed.text':
    '{partner} marked the deal “{name}” you work on together as won.',
  'notification.referral.lost.subject': '“{name}” was lost',
  'notification.referral.lost.text':
    '{partner} marked the deal “{name}” you work on together as lost. Reason: {reasonName}.',
  'notification.referral.reason.noCustomerRecord': 'no corresponding customer record was found',
  'notification.referral.reason.noSeller': 'no seller directly manages this customer',
  'notification.referral.reason.other': 'other (see the notes)',
} as const;

export const REFERRAL_NOTIFICATION_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'pl-PL': {
    'notification.referral.received.subject': 'Nowa szansa wspólnej sprzedaży: „{name}”',
    'notification.referral.received.text':
      'Firma {partner} przesłała Twojej firmie szansę wspólnej sprzedaży „{name}”. Zaakceptuj ją lub odrzuć w ciągu 14 dni, inaczej wygaśnie.',
    'notification.referral.accepted.subject': 'Zaakceptowano „{name}”',
    'notification.referral.accepted.text':
      'Firma {partner} zaakceptowała szansę wspólnej sprzedaży „{name}” przesłaną przez Twoją firmę.',
    'notification.referral.declined.subject': 'Odrzucono „{name}”',
    'notification.referral.declined.text':
      'Firma {partner} odrzuciła szansę wspólnej sprzedaży „{name}” przesłaną przez Twoją firmę. Powód: {reasonName}.',
    'notification.referral.expiring.subject': '„{name}” wygasa {expiresOn}',
    'notification.referral.expiring.text':
      'Nikt jeszcze nie odpowiedział na szansę wspólnej sprzedaży „{name}” (nadawca: {partner}). Zaakceptuj ją lub odrzuć przed {expiresOn}, inaczej wygaśnie.',
    'notification.referral.expired.subject': '„{name}” wygasła',
    'notification.referral.expired.text':
      'Nikt nie odpowiedział w ciągu 14 dni na szansę wspólnej sprzedaży „{name}” (nadawca: {partner}), więc wygasła i trafiła do archiwum.',
    'notification.referral.expiredSender.subject': '„{name}” wygasła bez odpowiedzi',
    'notification.referral.expiredSender.text':
      'Firma {partner} nie odpowiedziała w ciągu 14 dni na szansę wspólnej sprzedaży „{name}” przesłaną przez Twoją firmę, więc wygasła.',
    'notification.referral.invited.subject': 'Firma {partner} zaprasza Cię do „{name}”',
    'notification.referral.invited.text':
      'Firma {partner} zaprasza Twoją firmę do wspólnej pracy nad transakcją „{name}”. Zaakceptuj lub odrzuć zaproszenie w ciągu 14 dni, inaczej wygaśnie.',
    'notification.referral.closed.subject': 'Transakcja „{name}” wygrana',
    'notification.referral.closed.text':
      'Firma {partner} oznaczyła wspólną transakcję „{name}” jako wygraną.',
    'notification.referral.lost.subject': 'Transakcja „{name}” przegrana',
    'notification.referral.lost.text':
      'Firma {partner} oznaczyła wspólną transakcję „{name}” jako przegraną. Powód: {reasonName}.',
    'notification.referral.reason.noCustomerRecord':
      'nie znaleziono odpowiadającego rekordu klienta',
    'notification.referral.reason.noSeller':
      'żaden sprzedawca nie obsługuje bezpośrednio tego klienta',
    'notification.referral.reason.other': 'inny (szczegóły w notatkach)',
  },
  'sv-SE': {
    'notification.referral.received.subject': 'Ny samförsäljningsmöjlighet: ”{name}”',
    'notification.referral.received.text':
      '{partner} har skickat samförsäljningsmöjligheten ”{name}” till ditt företag. Acceptera eller avböj den inom 14 dagar, annars löper den ut.',
    'notification.referral.accepted.subject': '”{name}” har accepterats',
    'notification.referral.accepted.text':
      '{partner} har accepterat samförsäljningsmöjligheten ”{name}” som ditt företag skickade.',
    'notification.referral.declined.subject': '”{name}” har avböjts',
    'notification.referral.declined.text':
      '{partner} har avböjt samförsäljningsmöjligheten ”{name}” som ditt företag skickade. Orsak: {reasonName}.',
    'notification.referral.expiring.subject': '”{name}” löper ut {expiresOn}',
    'notification.referral.expiring.text':
      'Ingen har ännu svarat på samförsäljningsmöjligheten ”{name}” från {partner}. Acceptera eller avböj den före {expiresOn}, annars löper den ut.',
    'notification.referral.expired.subject': '”{name}” har löpt ut',
    'notification.referral.expired.text':
      'Ingen svarade på samförsäljningsmöjligheten ”{name}” från {partner} inom 14 dagar, så den har löpt ut och arkiverats.',
    'notification.referral.expiredSender.subject': '”{name}” löpte ut utan svar',
    'notification.referral.expiredSender.text':
      '{partner} svarade inte inom 14 dagar på samförsäljningsmöjligheten ”{name}” som ditt företag skickade, så den har löpt ut.',
    'notification.referral.invited.subject': '{partner} bjuder in dig till ”{name}”',
    'notification.referral.invited.text':
      '{partner} bjuder in ditt företag att arbeta med affären ”{name}” tillsammans. Acceptera eller avböj inbjudan inom 14 dagar, annars löper den ut.',
    'notification.referral.closed.subject': '”{name}” har vunnits',
    'notification.referral.closed.text':
      '{partner} har markerat den gemensamma affären ”{name}” som vunnen.',
    'notification.referral.lost.subject': '”{name}” har förlorats',
    'notification.referral.lost.text':
      '{partner} har markerat den gemensamma affären ”{name}” som förlorad. Orsak: {reasonName}.',
    'notification.referral.reason.noCustomerRecord': 'ingen motsvarande kundpost kunde hittas',
    'notification.referral.reason.noSeller': 'ingen säljare hanterar den här kunden direkt',
    'notification.referral.reason.other': 'annat (se anteckningarna)',
  },
  'zh-CN': {
    'notification.referral.received.subject': '新的共同销售商机：“{name}”',
    'notification.referral.received.text':
      '{partner} 向你的公司发送了共同销售商机“{name}”。请在 14 天内接受或拒绝，否则它将过期。',
    'notification.referral.accepted.subject': '“{name}”已被接受',
    'notification.referral.accepted.text': '{partner} 接受了你的公司发送的共同销售商机“{name}”。',
    'notification.referral.declined.subject': '“{name}”已被拒绝',
    'notification.referral.declined.text':
      '{partner} 拒绝了你的公司发送的共同销售商机“{name}”。原因：{reasonName}。',
    'notification.referral.expiring.subject': '“{name}”将于 {expiresOn} 过期',
    'notification.referral.expiring.text':
      '来自 {partner} 的共同销售商机“{name}”尚无人答复。请在 {expiresOn} 之前接受或拒绝，否则它将过期。',
    'notification.referral.expired.subject': '“{name}”已过期',
    'notification.referral.expired.text':
      '来自 {partner} 的共同销售商机“{name}”在 14 天内无人答复，已过期并归档。',
    'notification.referral.expiredSender.subject': '“{name}”未获答复，已过期',
    'notification.referral.expiredSender.text':
      '{partner} 未在 14 天内答复你的公司发送的共同销售商机“{name}”，该商机已过期。',
    'notification.referral.invited.subject': '{partner} 邀请你参与“{name}”',
    'notification.referral.invited.text':
      '{partner} 邀请你的公司共同处理交易“{name}”。请在 14 天内接受或拒绝邀请，否则它将过期。',
    'notification.referral.closed.subject': '“{name}”已赢单',
    'notification.referral.closed.text': '{partner} 已将你们共同处理的交易“{name}”标记为赢单。',
    'notification.referral.lost.subject': '“{name}”已丢单',
    'notification.referral.lost.text':
      '{partner} 已将你们共同处理的交易“{name}”标记为丢单。原因：{reasonName}。',
    'notification.referral.reason.noCustomerRecord': '找不到对应的客户记录',
    'notification.referral.reason.noSeller': '没有销售人员直接负责此客户',
    'notification.referral.reason.other': '其他（见备注）',
  },
  'zh-TW': {
    'notification.referral.received.subject': '新的共同銷售商機：「{name}」',
    'notification.referral.received.text':
      '{partner} 向你的公司傳送了共同銷售商機「{name}」。請在 14 天內接受或拒絕，否則它將會過期。',
    'notification.referral.accepted.subject': '「{name}」已被接受',
    'notification.referral.accepted.text': '{partner} 接受了你的公司傳送的共同銷售商機「{name}」。',
    'notification.referral.declined.subject': '「{name}」已被拒絕',
    'notification.referral.declined.text':
      '{partner} 拒絕了你的公司傳送的共同銷售商機「{name}」。原因：{reasonName}。',
    'notification.referral.expiring.subject': '「{name}」將於 {expiresOn} 過期',
    'notification.referral.expiring.text':
      '來自 {partner} 的共同銷售商機「{name}」尚無人回覆。請在 {expiresOn} 之前接受或拒絕，否則它將會過期。',
    'notification.referral.expired.subject': '「{name}」已過期',
    'notification.referral.expired.text':
      '來自 {partner} 的共同銷售商機「{name}」在 14 天內無人回覆，已過期並封存。',
    'notification.referral.expiredSender.subject': '「{name}」未獲回覆，已過期',
    'notification.referral.expiredSender.text':
      '{partner} 未在 14 天內回覆你的公司傳送的共同銷售商機「{name}」，該商機已過期。',
    'notification.referral.invited.subject': '{partner} 邀請你參與「{name}」',
    'notification.referral.invited.text':
      '{partner} 邀請你的公司共同處理交易「{name}」。請在 14 天內接受或拒絕邀請，否則它將會過期。',
    'notification.referral.closed.subject': '「{name}」已贏得',
    'notification.referral.closed.text': '{partner} 已將你們共同處理的交易「{name}」標示為贏得。',
    'notification.referral.lost.subject': '「{name}」已失去',
    'notification.referral.lost.text':
      '{partner} 已將你們共同處理的交易「{name}」標示為失去。原因：{reasonName}。',
    'notification.referral.reason.noCustomerRecord': '找不到對應的客戶記錄',
    'notification.referral.reason.noSeller': '沒有銷售人員直接負責此客戶',
    'notification.referral.reason.other': '其他（請見備註）',
  },
};
