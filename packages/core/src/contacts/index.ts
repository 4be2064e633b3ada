export {
  CONTACT_CSV_COLUMNS,
  CONTACT_TEXT_MAX_LENGTH,
  ContactInputSchema,
  contactKey,
  hasControlCharacter,
  sameContact,
  validateContactCells,
  type ContactColumnKey,
  type ContactInput,
} from './contact';
export {
  DEFAULT_MAX_CONTACT_ISSUES,
  contactsCsvChunks,
  contactsCsvHead,
  contactsCsvTemplate,
  formatContactCountries,
  formatContactStates,
  parseContactsCsv,
  type ParseContactsCsvOptions,
  type ParsedContactRow,
} from './csv';
export { partnerSalesCoverage, type PartnerSalesCoverage } from './coverage';
export * from './contacts.ports';
export * from './contacts.service';
