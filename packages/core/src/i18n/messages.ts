import { PUBLICATION_MESSAGES } from '../publishing/publishing.messages';
import { CONTACT_MESSAGES } from '../contacts/contacts.messages';
import { DOCUMENT_MESSAGES } from '../documents/documents.messages';
import { OFFER_MESSAGES } from '../offers/offers.messages';
import { OPPORTUNITY_MESSAGES } from '../opportunities/opportunities.messages';
import { REFERRAL_CSV_MESSAGES } from '../opportunities/referral-csv.messages';
import { REFERRAL_NOTIFICATION_MESSAGES } from '../notifications/referral-notifications.messages';
import { TOKEN_MESSAGES } from '../tokens/tokens.messages';
import type { Locale } from '../accounts/accounts.types';

/**
 * User-facing messages of the core and the API (errors and field problems), in every shipped
 * locale. Feature areas keep their own catalogues (`*.messages.ts`) merged in here. The web app has its own catalogue for its screens; these are the texts an API client
 * receives in `title`/`detail` and in each field issue, so a CRM shows them as they are.
 * A test fails when a key is missing from a locale or never used.
 */
const base = {
  'error.PAYLOAD_TOO_LARGE': 'The file or request is too large.',
  'error.NOT_FOUND': 'Not found.',
  'error.FORBIDDEN': 'Your role does not allow this action.',
  'error.UNAUTHENTICATED': 'Please sign in.',
  'error.VALIDATION': 'Some fields need your attention.',
  'error.CONFLICT': 'This conflicts with existing data.',
  'error.PRECONDITION_FAILED':
    'Someone else changed this since you opened it. Reload to see their changes.',
  'error.PRECONDITION_REQUIRED': 'This change needs the version you are editing (If-Match).',
  'error.RATE_LIMITED': 'Too many attempts. Try again in {seconds} seconds.',
  'error.UNAVAILABLE': 'The service is temporarily unavailable. Try again shortly.',
  'error.SETUP_DONE': 'cosell has already been set up.',
  'error.INVITATION_INVALID': 'This invitation link is invalid, expired or already used.',
  'error.RESET_LINK_INVALID':
    'This password reset link is invalid, has expired or was already used. Ask for a new one.',
  'passwordReset.noMail':
    'No mail server is configured, so no reset link can be sent. Ask an owner of your organisation to reset your password, or the operator (cosell user reset-password).',
  'passwordReset.mailSubject': 'Reset your cosell password',
  'passwordReset.mailBody':
    'Someone, probably you, asked to reset the password of your cosell account.\n\nOpen this link to choose a new password (valid for {minutes} minutes, once):\n{url}\n\nIf it was not you, ignore this message: your password stays as it is.',
  'error.INVALID_CREDENTIALS': 'The e-mail address or password is wrong.',
  'error.CSRF': 'Your session token is missing or out of date. Reload the page.',
  'error.IDEMPOTENCY_MISMATCH':
    'This Idempotency-Key was already used for a different request. Use a new key for a new request.',
  'error.IDEMPOTENCY_IN_FLIGHT':
    'A request with this Idempotency-Key is still being processed. Try again in a moment.',
  'error.INTERNAL': 'Something went wrong on our side. The error has been logged.',
  'error.alreadyMember': 'This person is already a member of the organisation.',
  'error.lastOwner': 'An organisation must keep at least one owner or administrator.',
  'error.roleNotForKind': 'The role {role} does not exist for this kind of organisation.',
  'issue.required': 'Required.',
  'issue.invalid': 'Invalid value.',
  'issue.invalidType': 'Expected {expected}.',
  'issue.tooSmall': 'Must be at least {minimum}.',
  'issue.tooBig': 'Must be at most {maximum}.',
  'issue.unknownField': 'Unknown field.',
  'issue.invalidOption': 'Choose one of the listed options.',
  'email.invalid': 'Enter a valid e-mail address.',
  'password.tooShort': 'Use at least 10 characters.',
  'password.tooLong': 'Use at most 200 characters.',
  'password.wrong': 'The current password is wrong.',
  'name.required': 'Enter a name.',
  'name.tooLong': 'Use at most 120 characters.',
  'organisationName.tooShort': 'Use at least 2 characters.',
  'organisationName.tooLong': 'Use at most 160 characters.',
  'taxonomy.badId': 'Use lower-case letters, digits and hyphens.',
  'taxonomy.duplicateId': 'This id is used twice.',
  'taxonomy.subAreaRequired': 'Add at least one sub-area.',
  'text.controlCharacter': 'Remove line breaks, tabs and other control characters.',
  'text.bidiControl':
    'Remove the invisible characters that change the text direction (U+202A–U+202E, U+2066–U+2069).',
  'text.invisibleOnly': 'Use visible characters, not only spaces or invisible ones.',
  'input.nul': 'Remove the NUL character (U+0000); text cannot contain it.',
  'input.loneSurrogate':
    'The text is not valid Unicode: it holds half of a character (a lone UTF-16 surrogate).',
  'http.badRequest': 'The request is malformed.',
  'http.malformedJson': 'The body is not valid JSON.',
  'http.badUrl': 'The address holds an invalid percent-encoding.',
  'http.uriTooLong': 'The address or one of its parts is too long.',
  'http.unsupportedMediaType': 'This content type is not accepted here.',
  'error.alreadyInvited':
    'This person already has an open invitation. Revoke it first to send a new one.',
  'storage.full': 'Not enough storage space.',
  'storage.filesFull':
    'Nothing was saved: the disk that holds the files is full. Try again once an administrator has freed space.',
  'storage.databaseFull':
    'Nothing was saved: the disk that holds the database is full. Try again once an administrator has freed space.',
  'storage.notWritable':
    'Nothing was saved: the file storage cannot be written to (it is read-only or not permitted). Try again later; an administrator can find the cause in the log.',
} as const;

const en = {
  ...base,
  ...OFFER_MESSAGES.en,
  ...DOCUMENT_MESSAGES.en,
  ...CONTACT_MESSAGES.en,
  ...PUBLICATION_MESSAGES.en,
  ...OPPORTUNITY_MESSAGES.en,
  ...REFERRAL_CSV_MESSAGES.en,
  ...REFERRAL_NOTIFICATION_MESSAGES.en,
  ...TOKEN_MESSAGES.en,
};

export type MessageKey = keyof typeof en;
type Catalogue = Record<MessageKey, string>;
type BaseCatalogue = Record<keyof typeof base, string>;

const zhCN: BaseCatalogue = {
  'error.PAYLOAD_TOO_LARGE': '文件或请求过大。',
  'error.NOT_FOUND': '未找到。',
  'error.FORBIDDEN': '你的角色不允许执行此操作。',
  'error.UNAUTHENTICATED': '请登录。',
  'error.VALIDATION': '部分字段需要你处理。',
  'error.CONFLICT': '这与现有数据冲突。',
  'error.PRECONDITION_FAILED': '在你打开之后，其他人修改了此内容。请重新加载以查看其更改。',
  'error.PRECONDITION_REQUIRED': '此更改需要你正在编辑的版本（If-Match）。',
  'error.RATE_LIMITED': '尝试次数过多。请在 {seconds} 秒后重试。',
  'error.UNAVAILABLE': '服务暂时不可用。请稍后重试。',
  'error.SETUP_DONE': 'cosell 已完成设置。',
  'error.INVITATION_INVALID': '此邀请链接无效、已过期或已被使用。',
  'error.RESET_LINK_INVALID': '此密码重置链接无效、已过期或已被使用。请重新申请。',
  'passwordReset.noMail':
    '未配置邮件服务器，因此无法发送重置链接。请让您组织的所有者重置您的密码，或联系运维人员（cosell user reset-password）。',
  'passwordReset.mailSubject': '重置您的 cosell 密码',
  'passwordReset.mailBody':
    '有人（可能是您）申请重置您的 cosell 账户密码。\n\n打开此链接设置新密码（{minutes} 分钟内有效，仅限一次）：\n{url}\n\n如果不是您本人操作，请忽略此邮件：您的密码保持不变。',
  'error.INVALID_CREDENTIALS': '电子邮件地址或密码错误。',
  'error.CSRF': '你的会话令牌缺失或已过期。请重新加载页面。',
  'error.IDEMPOTENCY_MISMATCH': '此 Idempotency-Key 已用于另一个请求。新的请求请使用新的键。',
  'error.IDEMPOTENCY_IN_FLIGHT': '使用此 Idempotency-Key 的请求仍在处理中。请稍后重试。',
  'error.INTERNAL': '我们这边出了问题，错误已记录。',
  'error.alreadyMember': '此人已是该组织的成员。',
  'error.lastOwner': '组织必须至少保留一名所有者或管理员。',
  'error.roleNotForKind': '此类组织不存在角色 {role}。',
  'issue.required': '必填。',
  'issue.invalid': '值无效。',
  'issue.invalidType': '应为 {expected}。',
  'issue.tooSmall': '至少为 {minimum}。',
  'issue.tooBig': '最多为 {maximum}。',
  'issue.unknownField': '未知字段。',
  'issue.invalidOption': '请从列出的选项中选择。',
  'email.invalid': '请输入有效的电子邮件地址。',
  'password.tooShort': '至少使用 10 个字符。',
  'password.tooLong': '最多使用 200 个字符。',
  'password.wrong': '当前密码错误。',
  'name.required': '请输入名称。',
  'name.tooLong': '最多使用 120 个字符。',
  'organisationName.tooShort': '至少使用 2 个字符。',
  'organisationName.tooLong': '最多使用 160 个字符。',
  'taxonomy.badId': '请使用小写字母、数字和连字符。',
  'taxonomy.duplicateId': '此 ID 被重复使用。',
  'taxonomy.subAreaRequired': '请至少添加一个子领域。',
  'text.controlCharacter': '请删除换行符、制表符和其他控制字符。',
  'text.bidiControl': '请删除会改变文字方向的不可见字符（U+202A–U+202E、U+2066–U+2069）。',
  'text.invisibleOnly': '请使用可见字符，而不只是空格或不可见字符。',
  'input.nul': '请删除 NUL 字符（U+0000）；文本不能包含它。',
  'input.loneSurrogate': '文本不是有效的 Unicode：它包含半个字符（孤立的 UTF-16 代理项）。',
  'http.badRequest': '请求格式错误。',
  'http.malformedJson': '请求正文不是有效的 JSON。',
  'http.badUrl': '地址包含无效的百分号编码。',
  'http.uriTooLong': '地址或其中某一部分过长。',
  'http.unsupportedMediaType': '此处不接受该内容类型。',
  'error.alreadyInvited': '此人已有一个未处理的邀请。请先撤销它，再发送新的邀请。',
  'storage.full': '存储空间不足。',
  'storage.filesFull': '未保存任何内容：存放文件的磁盘已满。请在管理员释放空间后重试。',
  'storage.databaseFull': '未保存任何内容：存放数据库的磁盘已满。请在管理员释放空间后重试。',
  'storage.notWritable':
    '未保存任何内容：无法写入文件存储（只读或无权限）。请稍后重试；管理员可在日志中查看原因。',
};

const zhTW: BaseCatalogue = {
  'error.PAYLOAD_TOO_LARGE': '檔案或要求過大。',
  'error.NOT_FOUND': '找不到。',
  'error.FORBIDDEN': '你的角色不允許執行此動作。',
  'error.UNAUTHENTICATED': '請登入。',
  'error.VALIDATION': '部分欄位需要你處理。',
  'error.CONFLICT': '這與現有資料衝突。',
  'error.PRECONDITION_FAILED': '在你開啟之後，其他人變更了此內容。請重新載入以查看其變更。',
  'error.PRECONDITION_REQUIRED': '此變更需要你正在編輯的版本（If-Match）。',
  'error.RATE_LIMITED': '嘗試次數過多。請在 {seconds} 秒後重試。',
  'error.UNAVAILABLE': '服務暫時無法使用。請稍後重試。',
  'error.SETUP_DONE': 'cosell 已完成設定。',
  'error.INVITATION_INVALID': '此邀請連結無效、已過期或已被使用。',
  'error.RESET_LINK_INVALID': '此密碼重設連結無效、已過期或已被使用。請重新申請。',
  'passwordReset.noMail':
    '未設定郵件伺服器，因此無法寄送重設連結。請請您組織的擁有者重設您的密碼，或聯絡維運人員（cosell user reset-password）。',
  'passwordReset.mailSubject': '重設您的 cosell 密碼',
  'passwordReset.mailBody':
    '有人（可能是您）申請重設您的 cosell 帳戶密碼。\n\n開啟此連結設定新密碼（{minutes} 分鐘內有效，僅限一次）：\n{url}\n\n如果不是您本人操作，請忽略此郵件：您的密碼維持不變。',
  'error.INVALID_CREDENTIALS': '電子郵件地址或密碼錯誤。',
  'error.CSRF': '你的工作階段權杖遺失或已過期。請重新載入頁面。',
  'error.IDEMPOTENCY_MISMATCH': '此 Idempotency-Key 已用於另一個請求。新的請求請使用新的金鑰。',
  'error.IDEMPOTENCY_IN_FLIGHT': '使用此 Idempotency-Key 的請求仍在處理中。請稍後再試。',
  'error.INTERNAL': '我們這邊發生問題，錯誤已記錄。',
  'error.alreadyMember': '此人已是該組織的成員。',
  'error.lastOwner': '組織必須至少保留一位擁有者或管理員。',
  'error.roleNotForKind': '此類組織沒有角色 {role}。',
  'issue.required': '必填。',
  'issue.invalid': '值無效。',
  'issue.invalidType': '應為 {expected}。',
  'issue.tooSmall': '至少為 {minimum}。',
  'issue.tooBig': '最多為 {maximum}。',
  'issue.unknownField': '未知欄位。',
  'issue.invalidOption': '請從列出的選項中選擇。',
  'email.invalid': '請輸入有效的電子郵件地址。',
  'password.tooShort': '至少使用 10 個字元。',
  'password.tooLong': '最多使用 200 個字元。',
  'password.wrong': '目前的密碼錯誤。',
  'name.required': '請輸入名稱。',
  'name.tooLong': '最多使用 120 個字元。',
  'organisationName.tooShort': '至少使用 2 個字元。',
  'organisationName.tooLong': '最多使用 160 個字元。',
  'taxonomy.badId': '請使用小寫字母、數字和連字號。',
  'taxonomy.duplicateId': '此 ID 重複使用。',
  'taxonomy.subAreaRequired': '請至少新增一個子領域。',
  'text.controlCharacter': '請移除換行、定位字元和其他控制字元。',
  'text.bidiControl': '請移除會改變文字方向的隱形字元（U+202A–U+202E、U+2066–U+2069）。',
  'text.invisibleOnly': '請使用可見字元，而不只是空格或隱形字元。',
  'input.nul': '請移除 NUL 字元（U+0000）；文字不能包含它。',
  'input.loneSurrogate': '文字不是有效的 Unicode：其中包含半個字元（孤立的 UTF-16 代理字元）。',
  'http.badRequest': '要求格式錯誤。',
  'http.malformedJson': '要求本文不是有效的 JSON。',
  'http.badUrl': '網址包含無效的百分比編碼。',
  'http.uriTooLong': '網址或其中某一部分過長。',
  'http.unsupportedMediaType': '此處不接受這種內容類型。',
  'error.alreadyInvited': '此人已有一個尚未處理的邀請。請先撤銷它，再傳送新的邀請。',
  'storage.full': '儲存空間不足。',
  'storage.filesFull': '未儲存任何內容：存放檔案的磁碟已滿。請在管理員釋出空間後重試。',
  'storage.databaseFull': '未儲存任何內容：存放資料庫的磁碟已滿。請在管理員釋出空間後重試。',
  'storage.notWritable':
    '未儲存任何內容：無法寫入檔案儲存空間（唯讀或沒有權限）。請稍後重試；管理員可在記錄中查看原因。',
};

const svSE: BaseCatalogue = {
  'error.PAYLOAD_TOO_LARGE': 'Filen eller begäran är för stor.',
  'error.NOT_FOUND': 'Hittades inte.',
  'error.FORBIDDEN': 'Din roll tillåter inte den här åtgärden.',
  'error.UNAUTHENTICATED': 'Logga in.',
  'error.VALIDATION': 'Några fält behöver din uppmärksamhet.',
  'error.CONFLICT': 'Detta krockar med befintliga data.',
  'error.PRECONDITION_FAILED':
    'Någon annan har ändrat detta sedan du öppnade det. Läs in igen för att se ändringarna.',
  'error.PRECONDITION_REQUIRED': 'Ändringen kräver versionen du redigerar (If-Match).',
  'error.RATE_LIMITED': 'För många försök. Försök igen om {seconds} sekunder.',
  'error.UNAVAILABLE': 'Tjänsten är tillfälligt otillgänglig. Försök igen om en stund.',
  'error.SETUP_DONE': 'cosell är redan konfigurerat.',
  'error.INVITATION_INVALID': 'Inbjudningslänken är ogiltig, har gått ut eller har redan använts.',
  'error.RESET_LINK_INVALID':
    'Länken för att återställa lösenordet är ogiltig, har gått ut eller har redan använts. Be om en ny.',
  'passwordReset.noMail':
    'Ingen e-postserver är konfigurerad, så ingen återställningslänk kan skickas. Be en ägare i din organisation att återställa ditt lösenord, eller driftansvarig (cosell user reset-password).',
  'passwordReset.mailSubject': 'Återställ ditt lösenord i cosell',
  'passwordReset.mailBody':
    'Någon, troligen du, har bett om att återställa lösenordet för ditt cosell-konto.\n\nÖppna länken för att välja ett nytt lösenord (giltig i {minutes} minuter, en gång):\n{url}\n\nOm det inte var du kan du bortse från meddelandet: ditt lösenord förblir oförändrat.',
  'error.INVALID_CREDENTIALS': 'E-postadressen eller lösenordet är fel.',
  'error.CSRF': 'Din sessionstoken saknas eller är inaktuell. Läs in sidan igen.',
  'error.IDEMPOTENCY_MISMATCH':
    'Denna Idempotency-Key har redan använts för en annan begäran. Använd en ny nyckel för en ny begäran.',
  'error.IDEMPOTENCY_IN_FLIGHT':
    'En begäran med denna Idempotency-Key behandlas fortfarande. Försök igen om en stund.',
  'error.INTERNAL': 'Något gick fel hos oss. Felet har loggats.',
  'error.alreadyMember': 'Personen är redan medlem i organisationen.',
  'error.lastOwner': 'En organisation måste ha minst en ägare eller administratör.',
  'error.roleNotForKind': 'Rollen {role} finns inte för den här typen av organisation.',
  'issue.required': 'Obligatoriskt.',
  'issue.invalid': 'Ogiltigt värde.',
  'issue.invalidType': 'Förväntade {expected}.',
  'issue.tooSmall': 'Måste vara minst {minimum}.',
  'issue.tooBig': 'Får vara högst {maximum}.',
  'issue.unknownField': 'Okänt fält.',
  'issue.invalidOption': 'Välj ett av alternativen i listan.',
  'email.invalid': 'Ange en giltig e-postadress.',
  'password.tooShort': 'Använd minst 10 tecken.',
  'password.tooLong': 'Använd högst 200 tecken.',
  'password.wrong': 'Det nuvarande lösenordet är fel.',
  'name.required': 'Ange ett namn.',
  'name.tooLong': 'Använd högst 120 tecken.',
  'organisationName.tooShort': 'Använd minst 2 tecken.',
  'organisationName.tooLong': 'Använd högst 160 tecken.',
  'taxonomy.badId': 'Använd gemener, siffror och bindestreck.',
  'taxonomy.duplicateId': 'Detta id används två gånger.',
  'taxonomy.subAreaRequired': 'Lägg till minst ett delområde.',
  'text.controlCharacter': 'Ta bort radbrytningar, tabbar och andra styrtecken.',
  'text.bidiControl':
    'Ta bort de osynliga tecken som ändrar textriktningen (U+202A–U+202E, U+2066–U+2069).',
  'text.invisibleOnly': 'Använd synliga tecken, inte bara mellanslag eller osynliga tecken.',
  'input.nul': 'Ta bort NUL-tecknet (U+0000); text kan inte innehålla det.',
  'input.loneSurrogate':
    'Texten är inte giltig Unicode: den innehåller ett halvt tecken (ett ensamt UTF-16-surrogat).',
  'http.badRequest': 'Begäran är felaktigt utformad.',
  'http.malformedJson': 'Innehållet är inte giltig JSON.',
  'http.badUrl': 'Adressen innehåller en ogiltig procentkodning.',
  'http.uriTooLong': 'Adressen eller en del av den är för lång.',
  'http.unsupportedMediaType': 'Den här innehållstypen tas inte emot här.',
  'error.alreadyInvited':
    'Personen har redan en öppen inbjudan. Återkalla den först för att skicka en ny.',
  'storage.full': 'Lagringsutrymmet räcker inte.',
  'storage.filesFull':
    'Inget sparades: disken där filerna lagras är full. Försök igen när en administratör har frigjort utrymme.',
  'storage.databaseFull':
    'Inget sparades: disken där databasen lagras är full. Försök igen när en administratör har frigjort utrymme.',
  'storage.notWritable':
    'Inget sparades: det går inte att skriva till fillagringen (den är skrivskyddad eller saknar behörighet). Försök igen senare; en administratör hittar orsaken i loggen.',
};

const plPL: BaseCatalogue = {
  'error.PAYLOAD_TOO_LARGE': 'Plik lub żądanie jest zbyt duże.',
  'error.NOT_FOUND': 'Nie znaleziono.',
  'error.FORBIDDEN': 'Twoja rola nie pozwala na tę czynność.',
  'error.UNAUTHENTICATED': 'Zaloguj się.',
  'error.VALIDATION': 'Niektóre pola wymagają poprawy.',
  'error.CONFLICT': 'To koliduje z istniejącymi danymi.',
  'error.PRECONDITION_FAILED':
    'Ktoś inny zmienił to od czasu otwarcia. Odśwież, aby zobaczyć jego zmiany.',
  'error.PRECONDITION_REQUIRED': 'Ta zmiana wymaga wersji, którą edytujesz (If-Match).',
  'error.RATE_LIMITED': 'Zbyt wiele prób. Spróbuj ponownie za {seconds} s.',
  'error.UNAVAILABLE': 'Usługa jest chwilowo niedostępna. Spróbuj ponownie za chwilę.',
  'error.SETUP_DONE': 'cosell został już skonfigurowany.',
  'error.INVITATION_INVALID': 'Link zaproszenia jest nieprawidłowy, wygasł lub został już użyty.',
  'error.RESET_LINK_INVALID':
    'Link do resetowania hasła jest nieprawidłowy, wygasł lub został już użyty. Poproś o nowy.',
  'passwordReset.noMail':
    'Nie skonfigurowano serwera poczty, więc nie można wysłać linku do resetowania. Poproś właściciela swojej organizacji o zresetowanie hasła albo administratora instalacji (cosell user reset-password).',
  'passwordReset.mailSubject': 'Zresetuj hasło do cosell',
  'passwordReset.mailBody':
    'Ktoś, prawdopodobnie Ty, poprosił o zresetowanie hasła do Twojego konta cosell.\n\nOtwórz ten link, aby ustawić nowe hasło (ważny przez {minutes} minut, jednorazowo):\n{url}\n\nJeśli to nie Ty, zignoruj tę wiadomość: Twoje hasło pozostaje bez zmian.',
  'error.INVALID_CREDENTIALS': 'Adres e-mail lub hasło jest nieprawidłowe.',
  'error.CSRF': 'Brak tokenu sesji lub jest nieaktualny. Odśwież stronę.',
  'error.IDEMPOTENCY_MISMATCH':
    'Ten Idempotency-Key został już użyty dla innego żądania. Dla nowego żądania użyj nowego klucza.',
  'error.IDEMPOTENCY_IN_FLIGHT':
    'Żądanie z tym Idempotency-Key jest nadal przetwarzane. Spróbuj ponownie za chwilę.',
  'error.INTERNAL': 'Coś poszło nie tak po naszej stronie. Błąd został zapisany.',
  'error.alreadyMember': 'Ta osoba jest już członkiem organizacji.',
  'error.lastOwner': 'Organizacja musi mieć co najmniej jednego właściciela lub administratora.',
  'error.roleNotForKind': 'Rola {role} nie istnieje dla tego rodzaju organizacji.',
  'issue.required': 'Pole wymagane.',
  'issue.invalid': 'Nieprawidłowa wartość.',
  'issue.invalidType': 'Oczekiwano: {expected}.',
  'issue.tooSmall': 'Musi wynosić co najmniej {minimum}.',
  'issue.tooBig': 'Może wynosić co najwyżej {maximum}.',
  'issue.unknownField': 'Nieznane pole.',
  'issue.invalidOption': 'Wybierz jedną z opcji z listy.',
  'email.invalid': 'Podaj prawidłowy adres e-mail.',
  'password.tooShort': 'Użyj co najmniej 10 znaków.',
  'password.tooLong': 'Użyj co najwyżej 200 znaków.',
  'password.wrong': 'Obecne hasło jest nieprawidłowe.',
  'name.required': 'Podaj nazwę.',
  'name.tooLong': 'Użyj co najwyżej 120 znaków.',
  'organisationName.tooShort': 'Użyj co najmniej 2 znaków.',
  'organisationName.tooLong': 'Użyj co najwyżej 160 znaków.',
  'taxonomy.badId': 'Użyj małych liter, cyfr i łączników.',
  'taxonomy.duplicateId': 'Ten identyfikator występuje dwukrotnie.',
  'taxonomy.subAreaRequired': 'Dodaj co najmniej jeden podobszar.',
  'text.controlCharacter': 'Usuń podziały wierszy, tabulatory i inne znaki sterujące.',
  'text.bidiControl':
    'Usuń niewidoczne znaki zmieniające kierunek tekstu (U+202A–U+202E, U+2066–U+2069).',
  'text.invisibleOnly': 'Użyj widocznych znaków, nie tylko spacji lub znaków niewidocznych.',
  'input.nul': 'Usuń znak NUL (U+0000); tekst nie może go zawierać.',
  'input.loneSurrogate':
    'Tekst nie jest poprawnym Unicode: zawiera połowę znaku (samotny surogat UTF-16).',
  'http.badRequest': 'Żądanie jest nieprawidłowo sformułowane.',
  'http.malformedJson': 'Treść nie jest poprawnym JSON.',
  'http.badUrl': 'Adres zawiera nieprawidłowe kodowanie procentowe.',
  'http.uriTooLong': 'Adres lub jedna z jego części jest zbyt długa.',
  'http.unsupportedMediaType': 'Ten typ zawartości nie jest tu akceptowany.',
  'error.alreadyInvited':
    'Ta osoba ma już otwarte zaproszenie. Najpierw je wycofaj, aby wysłać nowe.',
  'storage.full': 'Za mało miejsca na dysku.',
  'storage.filesFull':
    'Nic nie zostało zapisane: dysk z plikami jest pełny. Spróbuj ponownie, gdy administrator zwolni miejsce.',
  'storage.databaseFull':
    'Nic nie zostało zapisane: dysk z bazą danych jest pełny. Spróbuj ponownie, gdy administrator zwolni miejsce.',
  'storage.notWritable':
    'Nic nie zostało zapisane: nie można zapisywać w magazynie plików (jest tylko do odczytu lub brak uprawnień). Spróbuj ponownie później; administrator znajdzie przyczynę w dzienniku.',
};

const withModules = (locale: Locale, own: BaseCatalogue): Catalogue => ({
  ...own,
  ...OFFER_MESSAGES[locale],
  ...DOCUMENT_MESSAGES[locale],
  ...CONTACT_MESSAGES[locale],
  ...PUBLICATION_MESSAGES[locale],
  ...OPPORTUNITY_MESSAGES[locale],
  ...REFERRAL_CSV_MESSAGES[locale],
  ...REFERRAL_NOTIFICATION_MESSAGES[locale],
  ...TOKEN_MESSAGES[locale],
});

export const MESSAGES: Record<Locale, Catalogue> = {
  en,
  'zh-CN': withModules('zh-CN', zhCN),
  'zh-TW': withModules('zh-TW', zhTW),
  'sv-SE': withModules('sv-SE', svSE),
  'pl-PL': withModules('pl-PL', plPL),
};

export const isMessageKey = (key: string): key is MessageKey => key in en;

/**
 * A plural choice in a message, as ICU MessageFormat writes it:
 * `{count, plural, one {# row needs} few {…} many {…} other {# rows need}}`. The form is chosen
 * by the locale's plural rules (`Intl.PluralRules`: Polish has one/few/many/other, Chinese only
 * other) and `#` is the number. Branch texts hold no braces.
 */
const PLURAL = /\{(\w+), plural,((?:\s*[=\w]+\s*\{[^{}]*\})+)\s*\}/g;
const PLURAL_BRANCH = /(\w+)\s*\{([^{}]*)\}/g;

const pluralRules = new Map<Locale, Intl.PluralRules>();

function pluralForm(locale: Locale, value: number, branches: string): string {
  let rules = pluralRules.get(locale);
  if (!rules) {
    rules = new Intl.PluralRules(locale);
    pluralRules.set(locale, rules);
  }
  const forms = new Map([...branches.matchAll(PLURAL_BRANCH)].map((m) => [m[1]!, m[2]!]));
  const text = forms.get(`=${value}`) ?? forms.get(rules.select(value)) ?? forms.get('other') ?? '';
  return text.replace(/#/g, String(value));
}

/**
 * A list in a message: `{name, list}` takes a value the core joined with ", " (codes, column
 * names) and writes it with the locale's list separator — Chinese "、", others ", ".
 */
const LIST = /\{(\w+), list\}/g;
const listSeparator = (locale: Locale) => (locale.startsWith('zh') ? '、' : ', ');

/**
 * The message for `key` in `locale`, with plural choices and lists resolved and `{name}`
 * placeholders filled; unknown keys fall back.
 */
export function translate(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = isMessageKey(key) ? MESSAGES[locale][key] : MESSAGES[locale]['issue.invalid'];
  return template
    .replace(PLURAL, (match, name: string, branches: string) => {
      const value = Number(params[name]);
      return name in params && Number.isFinite(value) ? pluralForm(locale, value, branches) : match;
    })
    .replace(LIST, (match, name: string) =>
      name in params ? String(params[name]).split(', ').join(listSeparator(locale)) : match,
    )
    .replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
}
