import {
  Badge,
  Button,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
  ProgressBar,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowSwapRegular,
  ArrowUploadRegular,
  DeleteRegular,
  DocumentRegular,
  VideoClipRegular,
} from '@fluentui/react-icons';
import { useId, useRef, useState, type DragEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  call,
  uploadFile,
  type ClientProblem,
  type CosellTab,
  type Document,
  type DocumentKindId,
  type DocumentUpload,
  type SectionState,
} from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { formatDateTime, formatFileSize } from '../../components/format';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';
import { currentLocale } from '../../i18n/i18n';
import { useVocabularyLabels } from './labels';
import { SectionStateBadge } from './offer-badges';
import { ACCEPT, checkUpload, extensionOf, type UploadLimits } from './upload-checks';
import { DOCUMENT_EXTENSIONS, MAX_OTHER_DOCUMENTS, SINGLE_DOCUMENT_KINDS } from './vocabulary';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(250px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  slot: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
    outlineOffset: '2px',
  },
  wide: { gridColumn: '1 / -1' },
  dragging: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  head: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS },
  title: { fontWeight: tokens.fontWeightSemibold },
  hint: { color: tokens.colorNeutralForeground3 },
  drop: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalS}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  dropIcon: { fontSize: '24px', color: tokens.colorBrandForeground1 },
  file: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, minWidth: 0 },
  fileIcon: { fontSize: '24px', flexShrink: 0, color: tokens.colorNeutralForeground2 },
  fileText: { display: 'flex', flexDirection: 'column', minWidth: 0, flexGrow: 1 },
  fileName: { overflowWrap: 'anywhere', fontWeight: tokens.fontWeightSemibold },
  fileActions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  files: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  progress: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  progressLine: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  progressBar: { flexGrow: 1 },
  error: { color: tokens.colorPaletteRedForeground1, overflowWrap: 'anywhere' },
});

interface Target {
  organisationId: string;
  offerId: string;
}

const base = ({ organisationId, offerId }: Target) =>
  `/api/organisations/${encodeURIComponent(organisationId)}/offers/${encodeURIComponent(offerId)}/documents`;

/** The one message of a refused upload: the field message, else the problem's own words. */
const refusalOf = (problem: ClientProblem) =>
  problem.fields.file ??
  problem.fields.fileName ??
  problem.fields.kind ??
  (problem.detail && problem.detail !== problem.title ? problem.detail : problem.title);

/**
 * Documents: one slot per kind (the ones the policy requires marked), each taking a file by
 * drag-and-drop or "browse", with upload progress and Cancel; "other documents or videos" hold
 * up to five.
 */
export function DocumentsSection({
  target,
  documents,
  requiredKinds,
  limits,
  state,
  canWrite,
  onTab,
}: {
  target: Target;
  documents: Document[];
  /** Kinds the checklist requires for this offer. */
  requiredKinds: ReadonlySet<string>;
  limits: UploadLimits;
  state: SectionState;
  canWrite: boolean;
  onTab: (tab: CosellTab) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const others = documents.filter((d) => d.kind === 'other');
  const allowed = DOCUMENT_EXTENSIONS.join(', ');

  return (
    <Section
      title={t('documents.title')}
      description={t('documents.description', {
        allowed,
        maximum: formatFileSize(limits.otherMaxBytes),
        videoMaximum: formatFileSize(limits.videoMaxBytes),
      })}
      actions={<SectionStateBadge state={state} />}
      testId="documents-section"
    >
      <div className={styles.grid}>
        {SINGLE_DOCUMENT_KINDS.map((kind) => (
          <DocumentSlot
            key={kind}
            kind={kind}
            target={target}
            files={documents.filter((d) => d.kind === kind)}
            required={requiredKinds.has(kind)}
            limits={limits}
            canWrite={canWrite}
            onTab={onTab}
          />
        ))}
        <DocumentSlot
          kind="other"
          target={target}
          files={others}
          required={requiredKinds.has('other')}
          limits={limits}
          canWrite={canWrite}
          onTab={onTab}
          wide
        />
      </div>
    </Section>
  );
}

interface Upload {
  fileName: string;
  fraction: number;
  controller: AbortController;
}

function DocumentSlot({
  kind,
  target,
  files,
  required,
  limits,
  canWrite,
  onTab,
  wide = false,
}: {
  kind: DocumentKindId;
  target: Target;
  files: Document[];
  required: boolean;
  limits: UploadLimits;
  canWrite: boolean;
  onTab: (tab: CosellTab) => void;
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const notify = useNotify();
  const titleId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [upload, setUpload] = useState<Upload | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const [replacing, setReplacing] = useState<Document | null>(null);
  const [deleting, setDeleting] = useState<Document | null>(null);
  const multiple = kind === 'other';
  const room = multiple ? MAX_OTHER_DOCUMENTS - files.length : 1;
  const name = labels.documentKind[kind];
  const percent = new Intl.NumberFormat(currentLocale(), { style: 'percent' });

  const refusalText = (file: File): string | null => {
    const refusal = checkUpload(file, limits);
    if (!refusal) return null;
    if (refusal.code === 'extension') {
      return t('upload.extension', {
        name: file.name,
        extension: extensionOf(file.name) || '—',
        allowed: DOCUMENT_EXTENSIONS.join(', '),
      });
    }
    if (refusal.code === 'empty') return t('upload.empty', { name: file.name });
    return t('upload.tooLarge', {
      name: file.name,
      size: formatFileSize(file.size),
      maximum: formatFileSize(refusal.maxBytes),
    });
  };

  /** Uploads one file; true when it was stored. */
  const send = async (file: File, replace: Document | null): Promise<boolean> => {
    const refusal = refusalText(file);
    if (refusal) {
      setError(refusal);
      return false;
    }
    const controller = new AbortController();
    setUpload({ fileName: file.name, fraction: 0, controller });
    const query = `fileName=${encodeURIComponent(file.name)}`;
    const url = replace
      ? `${base(target)}/${encodeURIComponent(replace.id)}/content?${query}`
      : `${base(target)}?kind=${encodeURIComponent(kind)}&${query}`;
    try {
      const result = await uploadFile<DocumentUpload>(url, file, {
        method: replace ? 'PUT' : 'POST',
        signal: controller.signal,
        onProgress: (fraction) =>
          setUpload((current) => (current ? { ...current, fraction } : current)),
      });
      if (!result.ok) {
        setError(`${file.name}: ${refusalOf(result.problem)}`);
        return false;
      }
      onTab(result.data.tab);
      notify(t('documents.uploaded', { name: result.data.document.fileName }));
      return true;
    } catch (cause) {
      if (cause instanceof DOMException && cause.name === 'AbortError') {
        notify(t('documents.cancelled', { name: file.name }), 'info');
        return false;
      }
      throw cause;
    } finally {
      setUpload(null);
    }
  };

  const take = async (list: FileList | File[] | null, replace: Document | null) => {
    const chosen = [...(list ?? [])];
    if (chosen.length === 0) return;
    setError(null);
    const limit = replace ? 1 : room;
    if (chosen.length > limit) {
      setError(t('documents.tooMany', { count: limit }));
      return;
    }
    for (const file of chosen) if (!(await send(file, replace))) break;
  };

  const browse = (replace: Document | null) => {
    setReplacing(replace);
    if (!input.current) return;
    // Several files only when adding "other" documents; a replacement is one file.
    input.current.multiple = multiple && replace === null;
    input.current.click();
  };

  const dropProps = canWrite
    ? {
        onDragOver: (event: DragEvent) => {
          if (!event.dataTransfer.types.includes('Files')) return;
          event.preventDefault();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        },
        onDragLeave: () => setDragging(false),
        onDrop: (event: DragEvent) => {
          event.preventDefault();
          setDragging(false);
          if (upload) return;
          // A single-kind slot that holds a file: dropping replaces it.
          void take(event.dataTransfer.files, !multiple && files[0] ? files[0] : null);
        },
      }
    : {};

  const fileRow = (document: Document): ReactNode => (
    <div className={styles.file}>
      {document.contentType.startsWith('video/') ? (
        <VideoClipRegular className={styles.fileIcon} aria-hidden />
      ) : (
        <DocumentRegular className={styles.fileIcon} aria-hidden />
      )}
      <span className={styles.fileText}>
        <Link
          className={styles.fileName}
          href={`${base(target)}/${encodeURIComponent(document.id)}/content`}
          download={document.fileName}
        >
          {document.fileName}
        </Link>
        <Caption1 className={styles.hint}>
          {t('documents.fileFacts', {
            size: formatFileSize(document.sizeBytes),
            date: formatDateTime(document.uploadedAt),
          })}
        </Caption1>
      </span>
      {canWrite ? (
        <span className={styles.fileActions}>
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowSwapRegular />}
            disabled={upload !== null}
            aria-label={t('documents.replaceFile', { name: document.fileName })}
            title={t('documents.replace')}
            onClick={() => browse(document)}
          />
          <Button
            size="small"
            appearance="subtle"
            icon={<DeleteRegular />}
            disabled={upload !== null}
            aria-label={t('documents.deleteFile', { name: document.fileName })}
            title={t('documents.delete')}
            onClick={() => setDeleting(document)}
          />
        </span>
      ) : null}
    </div>
  );

  const showDropZone = canWrite && upload === null && (multiple ? room > 0 : files.length === 0);

  return (
    <div
      id={`document-${kind}`}
      role="group"
      aria-labelledby={titleId}
      className={mergeClasses(styles.slot, wide && styles.wide, dragging && styles.dragging)}
      {...dropProps}
    >
      <div className={styles.head}>
        <Text id={titleId} className={styles.title}>
          {name}
        </Text>
        {required ? (
          <Badge appearance="tint" color="brand" size="small">
            {t('documents.required')}
          </Badge>
        ) : null}
        {multiple ? (
          <Caption1 className={styles.hint}>
            {t('documents.otherCount', { count: files.length, max: MAX_OTHER_DOCUMENTS })}
          </Caption1>
        ) : null}
      </div>
      <Caption1 className={styles.hint}>{labels.documentKindHint[kind]}</Caption1>
      {files.length > 0 ? (
        <ul className={styles.files} aria-label={t('documents.filesOf', { kind: name })}>
          {files.map((document) => (
            <li key={document.id}>{fileRow(document)}</li>
          ))}
        </ul>
      ) : canWrite ? null : (
        <Text className={styles.hint}>{t('documents.none')}</Text>
      )}
      {upload ? (
        <div className={styles.progress} aria-live="polite">
          <Text size={200}>
            {t('documents.uploading', {
              name: upload.fileName,
              percent: percent.format(upload.fraction),
            })}
          </Text>
          <div className={styles.progressLine}>
            <ProgressBar
              className={styles.progressBar}
              value={upload.fraction}
              thickness="large"
              aria-label={t('documents.progressOf', { name: upload.fileName })}
            />
            <Button size="small" onClick={() => upload.controller.abort()}>
              {t('common.cancel')}
            </Button>
          </div>
        </div>
      ) : null}
      {showDropZone ? (
        <div className={styles.drop}>
          <ArrowUploadRegular className={styles.dropIcon} aria-hidden />
          <Text size={200}>{t('documents.dropHere')}</Text>
          <Button
            size="small"
            appearance="primary"
            aria-label={t('documents.browseFor', { kind: name })}
            onClick={() => browse(null)}
          >
            {multiple ? t('documents.browseFiles') : t('documents.browseFile')}
          </Button>
        </div>
      ) : null}
      {error ? (
        <Text role="alert" size={200} className={styles.error}>
          {error}
        </Text>
      ) : null}
      {canWrite ? (
        <input
          ref={input}
          type="file"
          hidden
          accept={ACCEPT}
          aria-label={t('documents.browseFor', { kind: name })}
          onChange={(event) => {
            const list = event.target.files ? [...event.target.files] : [];
            event.target.value = '';
            void take(list, replacing);
            setReplacing(null);
          }}
        />
      ) : null}
      <ConfirmDialog
        open={deleting !== null}
        title={t('documents.deleteTitle')}
        confirmLabel={t('documents.delete')}
        onClose={() => setDeleting(null)}
        onConfirm={async () => {
          if (!deleting) return null;
          const result = await call(
            api.DELETE(
              '/api/organisations/{organisationId}/offers/{offerId}/documents/{documentId}',
              {
                params: {
                  path: { ...target, documentId: deleting.id },
                  header: { 'if-match': `"v${deleting.version}"` },
                },
              },
            ),
          );
          if (!result.ok) return result.problem;
          onTab(result.data);
          notify(t('documents.deleted', { name: deleting.fileName }));
          return null;
        }}
      >
        {deleting ? t('documents.deleteBody', { name: deleting.fileName, kind: name }) : null}
      </ConfirmDialog>
    </div>
  );
}
