/**
 * Document storage: receiving an upload to a temp file, checking its name and content, and
 * keeping it in a BlobStore (QUALITY P11, R9, R12).
 */
export { validateUploadFileName, MAX_FILE_NAME_BYTES, type FileNameCheck } from './file-name';
export { inspectDocument, type InspectOptions, type InspectResult } from './inspect';
export { assertBlobKey, createLocalBlobStore } from './local-blob-store';
export {
  receiveUpload,
  sweepTempFiles,
  toMegabytes,
  UploadTooLargeError,
  type ReceiveUploadOptions,
  type ReceivedUpload,
} from './receive-upload';
