/**
 * What the browser can tell about a file before uploading it: an accepted extension, not empty,
 * within the size limit. The server inspects the content and has the last word.
 */
import type { CosellTab } from '../../api/client';
import { DOCUMENT_EXTENSIONS, VIDEO_EXTENSIONS } from './vocabulary';

export type UploadLimits = CosellTab['uploadLimits'];

/** The lower-case extension with its dot (`.pptx`), or '' when the name has none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 ? '' : fileName.slice(dot).toLowerCase();
}

/** The `accept` list of the file inputs. */
export const ACCEPT = DOCUMENT_EXTENSIONS.join(',');

/** The largest size accepted for this file name. */
export const maxBytesFor = (fileName: string, limits: UploadLimits) =>
  VIDEO_EXTENSIONS.includes(extensionOf(fileName)) ? limits.videoMaxBytes : limits.otherMaxBytes;

export type UploadRefusal =
  { code: 'extension' } | { code: 'empty' } | { code: 'tooLarge'; maxBytes: number };

/** Why the file cannot be uploaded, or null when it may be sent. */
export function checkUpload(
  file: { name: string; size: number },
  limits: UploadLimits,
): UploadRefusal | null {
  if (!(DOCUMENT_EXTENSIONS as readonly string[]).includes(extensionOf(file.name))) {
    return { code: 'extension' };
  }
  if (file.size === 0) return { code: 'empty' };
  const maxBytes = maxBytesFor(file.name, limits);
  if (file.size > maxBytes) return { code: 'tooLarge', maxBytes };
  return null;
}
