/**
 * Rules for the text people give names with: organisation, offer, person and contact names.
 * A name is shown in lists, e-mails, exports and other people's screens, so it must be one
 * visible line that reads the same everywhere:
 *
 * - no control characters (C0, DEL, C1) and no line or paragraph separators (U+2028, U+2029);
 * - no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which make text
 *   display in another order than it is stored ("Trojan Source" spoofing);
 * - something visible: text that is empty once whitespace and invisible characters (zero-width
 *   spaces and joiners, soft hyphens, fillers: Unicode's Default_Ignorable_Code_Point) are
 *   removed is refused.
 *
 * Letters, marks and punctuation of every script are fine, as are the right-to-left and
 * left-to-right marks (U+200E, U+200F) that right-to-left names legitimately carry.
 */
import { z } from 'zod';

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /[\p{White_Space}\p{Default_Ignorable_Code_Point}]/gu;

/** The message key of what is wrong with `text` as a name, or null when it is fine. */
export function nameTextProblem(
  text: string,
): 'text.controlCharacter' | 'text.bidiControl' | 'text.invisibleOnly' | null {
  if (CONTROL.test(text)) return 'text.controlCharacter';
  if (BIDI_CONTROL.test(text)) return 'text.bidiControl';
  if (text !== '' && text.replace(INVISIBLE, '') === '') return 'text.invisibleOnly';
  return null;
}

export interface NameTextOptions {
  /** Fewest characters after trimming (default 1). */
  min?: number;
  max: number;
  /** Message key when the name is empty or shorter than `min` (default: zod's, with the number). */
  tooShort?: string;
  /** Message key when the name is longer than `max` (default: zod's, with the number). */
  tooLong?: string;
  /** Message key for control characters, when a module has its own wording. */
  controlCharacter?: string;
}

/**
 * A name: trimmed, `min`..`max` characters, and none of the characters refused above. Every
 * refusal is a message key, so the API answers it in the caller's language.
 */
export function nameText(options: NameTextOptions) {
  return z
    .string()
    .trim()
    .min(options.min ?? 1, options.tooShort === undefined ? undefined : { error: options.tooShort })
    .max(options.max, options.tooLong === undefined ? undefined : { error: options.tooLong })
    .superRefine((text, ctx) => {
      const problem = nameTextProblem(text);
      if (!problem) return;
      ctx.addIssue({
        code: 'custom',
        message:
          problem === 'text.controlCharacter' && options.controlCharacter
            ? options.controlCharacter
            : problem,
      });
    });
}
