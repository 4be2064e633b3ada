/** Shared request/response schemas and their mappers from core records. */
import {
  LocaleSchema,
  OrganisationKindSchema,
  RoleSchema,
  type InvitationRecord,
  type MembershipWithOrganisation,
  type OrganisationRecord,
  type UserRecord,
} from '@cosell/core';
import { z } from 'zod';

export const IdSchema = z.uuid();
export const TimestampSchema = z.iso.datetime({ offset: true });

export const OrganisationSchema = z
  .object({
    id: IdSchema,
    kind: OrganisationKindSchema,
    name: z.string(),
    createdAt: TimestampSchema,
    version: z.number().int(),
  })
  .meta({ id: 'Organisation' });

export const UserSchema = z
  .object({
    id: IdSchema,
    email: z.string(),
    name: z.string(),
    locale: LocaleSchema,
    /** The profile's version; its ETag is `"v<version>"`. */
    version: z.number().int(),
  })
  .meta({ id: 'User' });

export const MembershipSchema = z
  .object({ organisation: OrganisationSchema, roles: z.array(RoleSchema) })
  .meta({ id: 'Membership' });

export const SessionSchema = z
  .object({
    user: UserSchema,
    memberships: z.array(MembershipSchema),
    activeOrganisationId: IdSchema.nullable(),
    /** Send back as `X-CSRF-Token` on every write made with the session cookie. */
    csrfToken: z.string(),
    expiresAt: TimestampSchema,
  })
  .meta({ id: 'Session' });

export const MemberSchema = z
  .object({
    user: z.object({ id: IdSchema, email: z.string(), name: z.string() }),
    roles: z.array(RoleSchema),
    createdAt: TimestampSchema,
    /** The membership's version: send `"v<version>"` as If-Match to change or remove it. */
    version: z.number().int(),
  })
  .meta({ id: 'Member' });

export const InvitationSchema = z
  .object({
    id: IdSchema,
    organisationId: IdSchema,
    email: z.string(),
    roles: z.array(RoleSchema),
    expiresAt: TimestampSchema,
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Invitation' });

export const RolesSchema = z
  .array(RoleSchema)
  .min(1, { error: 'issue.required' })
  .max(6)
  .refine((roles) => new Set(roles).size === roles.length, { error: 'issue.invalid' });

export const PageQuerySchema = z.object({
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int() });

export const toOrganisation = (o: OrganisationRecord): z.infer<typeof OrganisationSchema> => ({
  id: o.id,
  kind: o.kind,
  name: o.name,
  createdAt: o.createdAt.toISOString(),
  version: o.version,
});

export const toUser = (u: UserRecord): z.infer<typeof UserSchema> => ({
  id: u.id,
  email: u.email,
  name: u.name,
  locale: u.locale,
  version: u.version,
});

export const toMembership = (m: MembershipWithOrganisation): z.infer<typeof MembershipSchema> => ({
  organisation: toOrganisation(m.organisation),
  roles: m.roles,
});

export const toInvitation = (i: InvitationRecord): z.infer<typeof InvitationSchema> => ({
  id: i.id,
  organisationId: i.organisationId,
  email: i.email,
  roles: i.roles,
  expiresAt: i.expiresAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});

export { LocaleSchema };
