import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  call,
  type ApiResult,
  type ClientProblem,
  type ContactImportPreview,
} from '../../api/client';
import { ImportErrorsDialog as SharedImportErrorsDialog } from '../../components/import-errors-dialog';
import { ProblemBar } from '../../components/problem-bar';
import { currentLocale } from '../../i18n/i18n';
import { joinList } from '../../i18n/list';
import { countryName } from './countries';
import { useVocabularyLabels } from './labels';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  count: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  countValue: {
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    margin: 0,
    fontVariantNumeric: 'tabular-nums',
  },
  countLabel: { order: 1 },
  samples: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  sampleList: { margin: 0, paddingInlineStart: '1.25em', overflowWrap: 'anywhere' },
  heading: { margin: 0 },
  change: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    flexWrap: 'wrap',
  },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** The CSV's own column names (the file's header row is English in every language). */
const CSV_COLUMNS: Record<string, string> = {
  name: 'Name',
  email: 'Email',
  jobTitle: 'Job title',
  role: 'Role',
  countries: 'Countries/Regions',
  states: 'States/Provinces',
};

interface Target {
  organisationId: string;
  offerId: string;
}

/** Step 1 of an import: sends the file as it is (its bytes, any encoding) for a preview. */
export function stageContactImport(
  target: Target,
  file: File,
): Promise<ApiResult<ContactImportPreview>> {
  return call(
    api.POST('/api/organisations/{organisationId}/offers/{offerId}/contact-imports', {
      params: { path: target, query: { fileName: file.name } },
      // The API types the raw body as a string; the file goes out untouched (no JSON encoding).
      body: file as unknown as string,
      bodySerializer: (body: unknown) => body as BodyInit,
      headers: { 'Content-Type': 'text/csv' },
    }),
  );
}

/** A refused contacts file: every bad row and column with its message; nothing was imported. */
export function ImportErrorsDialog({
  fileName,
  problem,
  onClose,
}: {
  fileName: string;
  problem: ClientProblem;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <SharedImportErrorsDialog
      texts={{
        title: t('contactImport.refusedTitle'),
        nothingImported: t('contactImport.nothingImported', { fileName }),
        problems: t('contactImport.problems'),
        row: t('contactImport.row'),
        column: t('contactImport.column'),
        problem: t('contactImport.problem'),
        fixAndRetry: t('contactImport.fixAndRetry'),
      }}
      problem={problem}
      onClose={onClose}
      columnLabel={(column) => CSV_COLUMNS[column] ?? column}
    />
  );
}

type PreviewContact = ContactImportPreview['added']['sample'][number];

/**
 * Step 2: what the file would change (added, removed, changed, unchanged, with samples) and
 * the warning that importing replaces every contact; Confirm applies it with If-Match.
 */
export function ImportPreviewDialog({
  target,
  fileName,
  preview,
  currentCount,
  onClose,
  onApplied,
}: {
  target: Target;
  fileName: string;
  preview: ContactImportPreview;
  currentCount: number;
  onClose: () => void;
  onApplied: (importId: string) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const locale = currentLocale();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const stale = problem?.status === 412;

  const places = (contact: PreviewContact) =>
    joinList(
      contact.countries.map((code) => countryName(code, locale, t('countries.all'))),
      locale,
    );
  const describe = (contact: PreviewContact) =>
    t('contactImport.sample', {
      name: contact.name,
      email: contact.email,
      role: labels.contactRole[contact.role],
      countries: places(contact),
    });
  const sampleNote = (shown: number, count: number) =>
    count > shown ? (
      <Text size={200} className={styles.muted}>
        {t('contactImport.andMore', { count: count - shown })}
      </Text>
    ) : null;

  const confirm = async () => {
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST(
        '/api/organisations/{organisationId}/offers/{offerId}/contact-imports/{importId}/apply',
        {
          params: {
            path: { ...target, importId: preview.import.id },
            header: { 'if-match': `"v${preview.import.baseContactsVersion}"` },
          },
        },
      ),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    onApplied(preview.import.id);
  };

  const counts = [
    ['added', t('contactImport.added'), preview.added.count],
    ['removed', t('contactImport.removed'), preview.removed.count],
    ['changed', t('contactImport.changed'), preview.changed.count],
    ['unchanged', t('contactImport.unchanged'), preview.unchanged],
  ] as const;

  return (
    <Dialog open onOpenChange={(_event, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface} aria-label={t('contactImport.previewTitle')}>
        <DialogBody>
          <DialogTitle>{t('contactImport.previewTitle')}</DialogTitle>
          <DialogContent className={styles.content}>
            <Text>
              {t('contactImport.previewLead', { fileName, count: preview.import.rowCount })}
            </Text>
            <MessageBar intent="warning" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{t('contactImport.replacesTitle')}</MessageBarTitle>
                {currentCount === 0
                  ? t('contactImport.replacesBodyEmpty')
                  : t('contactImport.replacesBody', {
                      current: currentCount,
                      count: preview.import.rowCount,
                    })}
              </MessageBarBody>
            </MessageBar>
            {stale ? (
              <MessageBar intent="warning" layout="multiline" role="alert">
                <MessageBarBody>
                  <MessageBarTitle>{t('contactImport.staleTitle')}</MessageBarTitle>
                  {t('contactImport.staleBody')}
                </MessageBarBody>
              </MessageBar>
            ) : (
              <ProblemBar problem={problem} />
            )}
            <dl className={styles.counts}>
              {counts.map(([key, label, value]) => (
                <div key={key} className={styles.count} data-testid={`import-${key}`}>
                  <dt className={styles.countLabel}>{label}</dt>
                  <dd className={styles.countValue}>{value}</dd>
                </div>
              ))}
            </dl>
            {preview.added.sample.length > 0 ? (
              <div className={styles.samples}>
                <Subtitle2 as="h3" className={styles.heading}>
                  {t('contactImport.addedSample')}
                </Subtitle2>
                <ul className={styles.sampleList}>
                  {preview.added.sample.map((contact, index) => (
                    <li key={index}>{describe(contact)}</li>
                  ))}
                </ul>
                {sampleNote(preview.added.sample.length, preview.added.count)}
              </div>
            ) : null}
            {preview.changed.sample.length > 0 ? (
              <div className={styles.samples}>
                <Subtitle2 as="h3" className={styles.heading}>
                  {t('contactImport.changedSample')}
                </Subtitle2>
                <ul className={styles.sampleList}>
                  {preview.changed.sample.map(({ before, after }, index) => (
                    <li key={index}>
                      <span className={styles.change}>
                        <span>{describe(before)}</span>
                        <ArrowRightRegular aria-label={t('contactImport.becomes')} role="img" />
                        <span>{describe(after)}</span>
                      </span>
                    </li>
                  ))}
                </ul>
                {sampleNote(preview.changed.sample.length, preview.changed.count)}
              </div>
            ) : null}
            {preview.removed.sample.length > 0 ? (
              <div className={styles.samples}>
                <Subtitle2 as="h3" className={styles.heading}>
                  {t('contactImport.removedSample')}
                </Subtitle2>
                <ul className={styles.sampleList}>
                  {preview.removed.sample.map((contact, index) => (
                    <li key={index}>{describe(contact)}</li>
                  ))}
                </ul>
                {sampleNote(preview.removed.sample.length, preview.removed.count)}
              </div>
            ) : null}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={busy || stale} onClick={() => void confirm()}>
              {t('contactImport.confirm')}
            </Button>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
