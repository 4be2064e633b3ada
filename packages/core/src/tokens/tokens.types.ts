/**
 * API tokens: personal tokens act as their person, limited by scopes; service tokens act as a
 * service principal of one organisation (a CRM connector, no person behind it). The secret is
 * shown once; only its sha256 is stored (ADR 013).
 */
import { z } from 'zod';
import { RoleSchema } from '../accounts/accounts.types';

import { TOKEN_AREAS, type TokenArea } from '../reference/token-areas.data';

export const TOKEN_SCOPES = TOKEN_AREAS.flatMap((area) => [`${area}:read`, `${area}:write`]) as [
  `${TokenArea}:read` | `${TokenArea}:write`,
  ...(`${TokenArea}:read` | `${TokenArea}:write`)[],
];
export type TokenScope = `${TokenArea}:${'read' | 'write'}`;
export const TokenScopeSchema = z.enum(TOKEN_SCOPES as [TokenScope, ...TokenScope[]]);

export type TokenKind = 'personal' | 'service';

/** Secret prefixes: a leaked token is recognisable (secret scanners, logs) by its kind. */
export const TOKEN_PREFIX: Record<TokenKind, string> = {
  personal: 'cosell_pat_',
  service: 'cosell_sat_',
};

/** Every token expires: 90 days unless asked otherwise, a year at most (ADR 013). */
export const DEFAULT_TOKEN_DAYS = 90;
export const MAX_TOKEN_DAYS = 365;

/** True when `scopes` grant `needed`; `<area>:write` includes `<area>:read`. */
export function scopeGrants(scopes: readonly string[], needed: TokenScope): boolean {
  if (scopes.includes(needed)) return true;
  const [area, access] = needed.split(':');
  return access === 'read' && scopes.includes(`${area}:write`);
}

export const TokenNameSchema = z.string().trim().min(1, 'name.required').max(100, 'name.tooLong');

const ScopesSchema = z
  .array(TokenScopeSchema)
  .min(1)
  .max(TOKEN_SCOPES.length)
  .transform((scopes) => [...new Set(scopes)].sort());

const DaysSchema = z.number().int().min(1).max(MAX_TOKEN_DAYS).default(DEFAULT_TOKEN_DAYS);

export const CreatePersonalTokenSchema = z.strictObject({
  name: TokenNameSchema,
  scopes: ScopesSchema,
  expiresInDays: DaysSchema,
});
export type CreatePersonalTokenInput = z.input<typeof CreatePersonalTokenSchema>;

export const CreateServiceTokenSchema = z.strictObject({
  name: TokenNameSchema,
  scopes: ScopesSchema,
  /** The service principal's roles in the organisation; at most the creator's own. */
  roles: z.array(RoleSchema).min(1).max(10),
  expiresInDays: DaysSchema,
});
export type CreateServiceTokenInput = z.input<typeof CreateServiceTokenSchema>;

/** A duration such as `90d`, `12h` or `2w` (the CLI's `--expires-in`), in whole days. */
export function parseDays(text: string): number | null {
  const match = /^(\d{1,4})\s*(d|w|y)?$/i.exec(text.trim());
  if (!match) return null;
  const n = Number(match[1]);
  const unit = (match[2] ?? 'd').toLowerCase();
  return unit === 'w' ? n * 7 : unit === 'y' ? n * 365 : n;
}
