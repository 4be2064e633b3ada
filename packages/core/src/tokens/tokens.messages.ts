import type { ModuleCatalogue } from '../i18n/catalogue';

/** API tokens and published rate limits. */
const en = {
  'apiToken.invalid': 'The API token is invalid, expired or revoked.',
  'apiToken.insufficientScope': 'This API token lacks the scope {scope} that this request needs.',
  'apiToken.sessionOnly':
    'This request needs a signed-in session: API tokens cannot manage accounts, sessions or tokens.',
  'rateLimit.exceeded': 'Too many requests. Try again in {seconds} seconds.',
};

export const TOKEN_MESSAGES: ModuleCatalogue<typeof en> = {
  en,
  'zh-CN': {
    'apiToken.invalid': 'API 令牌无效、已过期或已撤销。',
    'apiToken.insufficientScope': '此 API 令牌缺少本请求所需的权限范围 {scope}。',
    'apiToken.sessionOnly': '此请求需要登录会话：API 令牌不能管理账户、会话或令牌。',
    'rateLimit.exceeded': '请求过多。请在 {seconds} 秒后重试。',
  },
  'zh-TW': {
    'apiToken.invalid': 'API 權杖無效、已過期或已撤銷。',
    'apiToken.insufficientScope': '此 API 權杖缺少本請求所需的權限範圍 {scope}。',
    'apiToken.sessionOnly': '此請求需要登入的工作階段：API 權杖不能管理帳戶、工作階段或權杖。',
    'rateLimit.exceeded': '請求過多。請在 {seconds} 秒後重試。',
  },
  'sv-SE': {
    'apiToken.invalid': 'API-token är ogiltig, har gått ut eller har återkallats.',
    'apiToken.insufficientScope':
      'Den här API-token saknar behörigheten {scope} som begäran kräver.',
    'apiToken.sessionOnly':
      'Den här begäran kräver en inloggad session: API-token kan inte hantera konton, sessioner eller token.',
    'rateLimit.exceeded': 'För många förfrågningar. Försök igen om {seconds} sekunder.',
  },
  'pl-PL': {
    'apiToken.invalid': 'Token API jest nieprawidłowy, wygasł lub został unieważniony.',
    'apiToken.insufficientScope':
      'Temu tokenowi API brakuje zakresu {scope}, którego wymaga to żądanie.',
    'apiToken.sessionOnly':
      'To żądanie wymaga zalogowanej sesji: tokeny API nie mogą zarządzać kontami, sesjami ani tokenami.',
    'rateLimit.exceeded': 'Zbyt wiele żądań. Spróbuj ponownie za {seconds} s.',
  },
};
