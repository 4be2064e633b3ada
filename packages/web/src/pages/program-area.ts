/** A vendor's program pages and the settings in one chunk (QUALITY W2), with the `program` texts. */
export { default as ProgramPage } from './program.page';
export { default as StartPage } from './start.page';
export { default as SettingsPage } from './settings.page';
