// Source: SPEC §4 Contacts, roles (AZ-cosell-2020, AZ-configure-2021/2022, PC-configure-2023).
// The data lives in the zod-free module beside this one; this adds the schemas.
import { z } from 'zod';
import { CONTACT_ROLE_IDS } from './contact-roles.data';

export * from './contact-roles.data';

export const ContactRoleIdSchema = z.enum(CONTACT_ROLE_IDS);
