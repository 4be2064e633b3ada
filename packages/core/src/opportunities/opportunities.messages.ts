import type { ModuleCatalogue } from '../i18n/catalogue';

/*
 * Co-sell opportunities (referrals): field problems of the resource (`referral.<field>.*`, the
 * field is the JSON pointer), refusals of the life cycle (`referral.refused.*`), the OData
 * query options (`odata.*`, naming the option and the position) and JSON Patch (`jsonPatch.*`).
 * OData option names ($filter, $top…) stay as they are in every language.
 */
const en = {
  'error.REFERRAL_CLOSED':
    'This referral is closed (won, lost, declined, expired or closed as error) and can no longer change.',
  'referral.dateTime.invalid': 'Use a UTC date and time such as 2024-01-01T00:00:00Z.',
  'referral.currency.invalid': 'Use a three-letter ISO 4217 currency code such as USD.',
  'referral.country.invalid': 'Use a two-letter country/region code such as US.',
  'referral.solutions.required': 'Add at least one solution.',
  'referral.team.required': 'Add at least one team member.',
  'referral.engagement.unknown':
    'This engagement does not exist or your organisation takes no part in it.',
  'referral.target.partnerRequired':
    'Name the partner organisation the co-sell opportunity goes to.',
  'referral.solution.notCosellReady': "Choose one of the partner's co-sell ready solutions.",
  'referral.invitee.notPartner': 'Invite a partner organisation.',
  'referral.organisation.required':
    'You belong to several organisations: name one with the X-Organisation-Id header or the organisationId query parameter.',
  'referral.organisation.conflict':
    'The X-Organisation-Id header and the organisationId query parameter name different organisations. Send one of them.',
  'referral.refused.closed': 'This referral is closed and can no longer change.',
  'referral.refused.notParticipant': 'Only the organisation that owns this referral can change it.',
  'referral.refused.roleNotAllowed': 'Your role does not allow working on referrals.',
  'referral.refused.systemOnly': 'Only cosell itself expires referrals, 14 days after they arrive.',
  'referral.refused.wrongState': 'This action is not possible in the referral’s current state.',
  'referral.refused.notDueYet': 'The referral has not reached its expiry date yet.',
  'referral.refused.stageOutOfOrder':
    'Solution assessment stages are all mandatory: move to the next stage in order.',
  'referral.refused.stageNotForDeal': 'This sales stage does not exist for this kind of deal.',
  'referral.refused.wonNeedsWin': 'Mark the deal as won instead of moving it to the Won stage.',
  'referral.refused.visibilityNotHigher':
    'Visibility can only be raised (private, then partner-led, then co-sell), never lowered.',
  'referral.refused.readOnly': 'This field cannot be changed after the referral is created.',
  'referral.refused.notCosellReady':
    'New deals need a solution with co-sell ready status published in the marketplace.',
  'referral.refused.locationNotAssigned':
    'You can create deals only for the locations assigned to you.',
  'referral.refused.inviteSelf': 'Invite another organisation, not your own.',
  'odata.syntax':
    '{option} is not valid at position {position}: found {found}, expected {expected}.',
  'odata.unknownField': '{option} cannot use {field} (position {position}).',
  'odata.typeMismatch':
    '{option}: {field} cannot be compared with this value (position {position}).',
  'odata.tooComplex': '{option} is too complex: use at most {max} conditions.',
  'odata.top.range': '$top must be a whole number from 1 to 100.',
  'odata.skip.invalid': '$skip must be a whole number, 0 or more.',
  'odata.count.invalid': '$count must be true or false.',
  'odata.token.invalid':
    'The next-page link is invalid or belongs to another query. Start again from the first page.',
  'jsonPatch.invalid': 'The body must be a JSON Patch document: a list of operations.',
  'jsonPatch.op.notAllowed': 'Only the replace and add operations are supported.',
  'jsonPatch.path.notAllowed': 'This path cannot be changed with PATCH.',
  'jsonPatch.path.missing': 'Nothing exists at this path to replace.',
} as const;

export const OPPORTUNITY_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'zh-CN': {
    'error.REFERRAL_CLOSED':
      '此推荐已关闭（赢单、丢单、已拒绝、已过期或作为错误关闭），不能再更改。',
    'referral.dateTime.invalid': '请使用 UTC 日期和时间，例如 2024-01-01T00:00:00Z。',
    'referral.currency.invalid': '请使用三个字母的 ISO 4217 货币代码，例如 USD。',
    'referral.country.invalid': '请使用两个字母的国家/地区代码，例如 US。',
    'referral.solutions.required': '请至少添加一个解决方案。',
    'referral.team.required': '请至少添加一名团队成员。',
    'referral.engagement.unknown': '此合作不存在，或你的组织未参与其中。',
    'referral.target.partnerRequired': '请指定接收此共同销售机会的合作伙伴组织。',
    'referral.solution.notCosellReady': '请选择该合作伙伴已具备共同销售资格的解决方案。',
    'referral.invitee.notPartner': '请邀请一个合作伙伴组织。',
    'referral.organisation.required':
      '你属于多个组织：请用 X-Organisation-Id 请求头或 organisationId 查询参数指定其中一个。',
    'referral.organisation.conflict':
      'X-Organisation-Id 请求头和 organisationId 查询参数指定了不同的组织。请只发送其中一个。',
    'referral.refused.closed': '此推荐已关闭，不能再更改。',
    'referral.refused.notParticipant': '只有拥有此推荐的组织才能更改它。',
    'referral.refused.roleNotAllowed': '你的角色不允许处理推荐。',
    'referral.refused.systemOnly': '只有 cosell 会在推荐到达 14 天后使其过期。',
    'referral.refused.wrongState': '在推荐的当前状态下无法执行此操作。',
    'referral.refused.notDueYet': '推荐尚未到达过期日期。',
    'referral.refused.stageOutOfOrder': '解决方案评估的所有阶段都是必需的：请按顺序进入下一阶段。',
    'referral.refused.stageNotForDeal': '此类交易没有这个销售阶段。',
    'referral.refused.wonNeedsWin': '请将交易标记为赢单，而不是移到“赢单”阶段。',
    'referral.refused.visibilityNotHigher':
      '可见性只能提高（私有、合作伙伴主导、共同销售），不能降低。',
    'referral.refused.readOnly': '推荐创建后不能更改此字段。',
    'referral.refused.notCosellReady':
      '新交易需要一个已在市场发布且具有共同销售就绪状态的解决方案。',
    'referral.refused.locationNotAssigned': '你只能为分配给你的位置创建交易。',
    'referral.refused.inviteSelf': '请邀请其他组织，而不是你自己的组织。',
    'odata.syntax': '{option} 在位置 {position} 无效：发现 {found}，应为 {expected}。',
    'odata.unknownField': '{option} 不能使用 {field}（位置 {position}）。',
    'odata.typeMismatch': '{option}：{field} 不能与此值比较（位置 {position}）。',
    'odata.tooComplex': '{option} 过于复杂：最多使用 {max} 个条件。',
    'odata.top.range': '$top 必须是 1 到 100 之间的整数。',
    'odata.skip.invalid': '$skip 必须是 0 或更大的整数。',
    'odata.count.invalid': '$count 必须为 true 或 false。',
    'odata.token.invalid': '下一页链接无效或属于其他查询。请从第一页重新开始。',
    'jsonPatch.invalid': '请求正文必须是 JSON Patch 文档：一个操作列表。',
    'jsonPatch.op.notAllowed': '仅支持 replace 和 add 操作。',
    'jsonPatch.path.notAllowed': '不能使用 PATCH 更改此路径。',
    'jsonPatch.path.missing': '此路径上没有可替换的内容。',
  },
  'zh-TW': {
    'error.REFERRAL_CLOSED':
      '此推薦已關閉（贏單、輸單、已拒絕、已過期或作為錯誤關閉），無法再變更。',
    'referral.dateTime.invalid': '請使用 UTC 日期和時間，例如 2024-01-01T00:00:00Z。',
    'referral.currency.invalid': '請使用三個字母的 ISO 4217 貨幣代碼，例如 USD。',
    'referral.country.invalid': '請使用兩個字母的國家/地區代碼，例如 US。',
    'referral.solutions.required': '請至少新增一個解決方案。',
    'referral.team.required': '請至少新增一位團隊成員。',
    'referral.engagement.unknown': '此合作不存在，或你的組織未參與其中。',
    'referral.target.partnerRequired': '請指定接收此共同銷售機會的合作夥伴組織。',
    'referral.solution.notCosellReady': '請選擇該合作夥伴已具備共同銷售資格的解決方案。',
    'referral.invitee.notPartner': '請邀請一個合作夥伴組織。',
    'referral.organisation.required':
      '你屬於多個組織：請用 X-Organisation-Id 要求標頭或 organisationId 查詢參數指定其中一個。',
    'referral.organisation.conflict':
      'X-Organisation-Id 要求標頭和 organisationId 查詢參數指定了不同的組織。請只傳送其中一個。',
    'referral.refused.closed': '此推薦已關閉，無法再變更。',
    'referral.refused.notParticipant': '只有擁有此推薦的組織才能變更它。',
    'referral.refused.roleNotAllowed': '您的角色不允許處理推薦。',
    'referral.refused.systemOnly': '只有 cosell 會在推薦送達 14 天後使其過期。',
    'referral.refused.wrongState': '在推薦目前的狀態下無法執行此動作。',
    'referral.refused.notDueYet': '推薦尚未到達到期日。',
    'referral.refused.stageOutOfOrder': '解決方案評估的所有階段都是必要的：請依序進入下一個階段。',
    'referral.refused.stageNotForDeal': '此類交易沒有這個銷售階段。',
    'referral.refused.wonNeedsWin': '請將交易標記為贏單，而不是移到「贏單」階段。',
    'referral.refused.visibilityNotHigher':
      '可見性只能提高（私人、合作夥伴主導、共同銷售），不能降低。',
    'referral.refused.readOnly': '推薦建立後無法變更此欄位。',
    'referral.refused.notCosellReady':
      '新交易需要一個已在市集發佈且具有共同銷售就緒狀態的解決方案。',
    'referral.refused.locationNotAssigned': '您只能為指派給您的位置建立交易。',
    'referral.refused.inviteSelf': '請邀請其他組織，而不是您自己的組織。',
    'odata.syntax': '{option} 在位置 {position} 無效：找到 {found}，預期為 {expected}。',
    'odata.unknownField': '{option} 不能使用 {field}（位置 {position}）。',
    'odata.typeMismatch': '{option}：{field} 不能與此值比較（位置 {position}）。',
    'odata.tooComplex': '{option} 過於複雜：最多使用 {max} 個條件。',
    'odata.top.range': '$top 必須是 1 到 100 之間的整數。',
    'odata.skip.invalid': '$skip 必須是 0 或更大的整數。',
    'odata.count.invalid': '$count 必須為 true 或 false。',
    'odata.token.invalid': '下一頁連結無效或屬於其他查詢。請從第一頁重新開始。',
    'jsonPatch.invalid': '要求本文必須是 JSON Patch 文件：一個操作清單。',
    'jsonPatch.op.notAllowed': '僅支援 replace 和 add 操作。',
    'jsonPatch.path.notAllowed': '無法使用 PATCH 變更此路徑。',
    'jsonPatch.path.missing': '此路徑上沒有可取代的內容。',
  },
  'sv-SE': {
    'error.REFERRAL_CLOSED':
      'Den här hänvisningen är stängd (vunnen, förlorad, avböjd, utgången eller stängd som fel) och kan inte längre ändras.',
    'referral.dateTime.invalid': 'Ange datum och tid i UTC, till exempel 2024-01-01T00:00:00Z.',
    'referral.currency.invalid':
      'Ange en valutakod enligt ISO 4217 med tre bokstäver, till exempel USD.',
    'referral.country.invalid': 'Ange en lands-/regionkod med två bokstäver, till exempel US.',
    'referral.solutions.required': 'Lägg till minst en lösning.',
    'referral.team.required': 'Lägg till minst en teammedlem.',
    'referral.engagement.unknown':
      'Samarbetet finns inte, eller så deltar inte din organisation i det.',
    'referral.target.partnerRequired':
      'Ange partnerorganisationen som co-sell-möjligheten ska till.',
    'referral.solution.notCosellReady': 'Välj en av partnerns co-sell-redo lösningar.',
    'referral.invitee.notPartner': 'Bjud in en partnerorganisation.',
    'referral.organisation.required':
      'Du tillhör flera organisationer: ange en med rubriken X-Organisation-Id eller frågeparametern organisationId.',
    'referral.organisation.conflict':
      'Rubriken X-Organisation-Id och frågeparametern organisationId anger olika organisationer. Skicka bara en av dem.',
    'referral.refused.closed': 'Den här hänvisningen är stängd och kan inte längre ändras.',
    'referral.refused.notParticipant': 'Endast organisationen som äger hänvisningen kan ändra den.',
    'referral.refused.roleNotAllowed': 'Din roll tillåter inte arbete med hänvisningar.',
    'referral.refused.systemOnly':
      'Endast cosell låter hänvisningar gå ut, 14 dagar efter att de kommit in.',
    'referral.refused.wrongState': 'Åtgärden är inte möjlig i hänvisningens nuvarande läge.',
    'referral.refused.notDueYet': 'Hänvisningen har inte nått sitt utgångsdatum ännu.',
    'referral.refused.stageOutOfOrder':
      'Alla steg i en lösningsbedömning är obligatoriska: gå vidare till nästa steg i tur och ordning.',
    'referral.refused.stageNotForDeal':
      'Det här försäljningssteget finns inte för den här typen av affär.',
    'referral.refused.wonNeedsWin':
      'Markera affären som vunnen i stället för att flytta den till steget Vunnen.',
    'referral.refused.visibilityNotHigher':
      'Synligheten kan bara höjas (privat, partnerledd, sedan co-sell), aldrig sänkas.',
    'referral.refused.readOnly': 'Fältet kan inte ändras efter att hänvisningen skapats.',
    'referral.refused.notCosellReady':
      'Nya affärer kräver en lösning med statusen co-sell ready publicerad på marknadsplatsen.',
    'referral.refused.locationNotAssigned':
      'Du kan bara skapa affärer för de platser som tilldelats dig.',
    'referral.refused.inviteSelf': 'Bjud in en annan organisation, inte din egen.',
    'odata.syntax':
      '{option} är ogiltigt vid position {position}: hittade {found}, förväntade {expected}.',
    'odata.unknownField': '{option} kan inte använda {field} (position {position}).',
    'odata.typeMismatch':
      '{option}: {field} kan inte jämföras med det här värdet (position {position}).',
    'odata.tooComplex': '{option} är för komplext: använd högst {max} villkor.',
    'odata.top.range': '$top måste vara ett heltal från 1 till 100.',
    'odata.skip.invalid': '$skip måste vara ett heltal, 0 eller mer.',
    'odata.count.invalid': '$count måste vara true eller false.',
    'odata.token.invalid':
      'Länken till nästa sida är ogiltig eller hör till en annan fråga. Börja om från första sidan.',
    'jsonPatch.invalid': 'Innehållet måste vara ett JSON Patch-dokument: en lista med operationer.',
    'jsonPatch.op.notAllowed': 'Endast operationerna replace och add stöds.',
    'jsonPatch.path.notAllowed': 'Den här sökvägen kan inte ändras med PATCH.',
    'jsonPatch.path.missing': 'Det finns inget att ersätta på den här sökvägen.',
  },
  'pl-PL': {
    'error.REFERRAL_CLOSED':
      'To polecenie jest zamknięte (wygrane, przegrane, odrzucone, wygasłe lub zamknięte jako błąd) i nie można go już zmienić.',
    'referral.dateTime.invalid': 'Podaj datę i godzinę UTC, np. 2024-01-01T00:00:00Z.',
    'referral.currency.invalid': 'Podaj trzyliterowy kod waluty ISO 4217, np. USD.',
    'referral.country.invalid': 'Podaj dwuliterowy kod kraju/regionu, np. US.',
    'referral.solutions.required': 'Dodaj co najmniej jedno rozwiązanie.',
    'referral.team.required': 'Dodaj co najmniej jednego członka zespołu.',
    'referral.engagement.unknown':
      'Ta współpraca nie istnieje albo Twoja organizacja w niej nie uczestniczy.',
    'referral.target.partnerRequired':
      'Wskaż organizację partnerską, do której trafia szansa co-sell.',
    'referral.solution.notCosellReady': 'Wybierz jedno z rozwiązań partnera gotowych do co-sell.',
    'referral.invitee.notPartner': 'Zaproś organizację partnerską.',
    'referral.organisation.required':
      'Należysz do kilku organizacji: wskaż jedną w nagłówku X-Organisation-Id lub w parametrze zapytania organisationId.',
    'referral.organisation.conflict':
      'Nagłówek X-Organisation-Id i parametr zapytania organisationId wskazują różne organizacje. Wyślij tylko jedno z nich.',
    'referral.refused.closed': 'To polecenie jest zamknięte i nie można go już zmienić.',
    'referral.refused.notParticipant':
      'Tylko organizacja, do której należy to polecenie, może je zmienić.',
    'referral.refused.roleNotAllowed': 'Twoja rola nie pozwala na pracę z poleceniami.',
    'referral.refused.systemOnly':
      'Tylko cosell oznacza polecenia jako wygasłe, 14 dni po ich otrzymaniu.',
    'referral.refused.wrongState': 'Ta czynność nie jest możliwa w obecnym stanie polecenia.',
    'referral.refused.notDueYet': 'Polecenie nie osiągnęło jeszcze daty wygaśnięcia.',
    'referral.refused.stageOutOfOrder':
      'Wszystkie etapy oceny rozwiązania są obowiązkowe: przejdź do następnego etapu po kolei.',
    'referral.refused.stageNotForDeal':
      'Ten etap sprzedaży nie istnieje dla tego rodzaju transakcji.',
    'referral.refused.wonNeedsWin':
      'Oznacz transakcję jako wygraną zamiast przenosić ją do etapu Wygrana.',
    'referral.refused.visibilityNotHigher':
      'Widoczność można tylko zwiększać (prywatna, prowadzona przez partnera, co-sell), nigdy zmniejszać.',
    'referral.refused.readOnly': 'Tego pola nie można zmienić po utworzeniu polecenia.',
    'referral.refused.notCosellReady':
      'Nowe transakcje wymagają rozwiązania o statusie co-sell ready opublikowanego w marketplace.',
    'referral.refused.locationNotAssigned':
      'Możesz tworzyć transakcje tylko dla przypisanych Ci lokalizacji.',
    'referral.refused.inviteSelf': 'Zaproś inną organizację, nie własną.',
    'odata.syntax':
      '{option} jest nieprawidłowe na pozycji {position}: znaleziono {found}, oczekiwano {expected}.',
    'odata.unknownField': '{option} nie może używać {field} (pozycja {position}).',
    'odata.typeMismatch':
      '{option}: {field} nie można porównać z tą wartością (pozycja {position}).',
    'odata.tooComplex': '{option} jest zbyt złożone: użyj najwyżej {max} warunków.',
    'odata.top.range': '$top musi być liczbą całkowitą od 1 do 100.',
    'odata.skip.invalid': '$skip musi być liczbą całkowitą, 0 lub większą.',
    'odata.count.invalid': '$count musi mieć wartość true lub false.',
    'odata.token.invalid':
      'Link do następnej strony jest nieprawidłowy lub należy do innego zapytania. Zacznij od pierwszej strony.',
    'jsonPatch.invalid': 'Treść musi być dokumentem JSON Patch: listą operacji.',
    'jsonPatch.op.notAllowed': 'Obsługiwane są tylko operacje replace i add.',
    'jsonPatch.path.notAllowed': 'Tej ścieżki nie można zmienić przez PATCH.',
    'jsonPatch.path.missing': 'Pod tą ścieżką nie ma nic do zastąpienia.',
  },
};
