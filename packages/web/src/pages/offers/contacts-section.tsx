import {
  Body1,
  Button,
  Link,
  makeStyles,
  mergeClasses,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Toast,
  ToastTitle,
  ToastTrigger,
  tokens,
  useToastController,
} from '@fluentui/react-components';
import {
  ArrowDownloadRegular,
  ArrowUndoRegular,
  ArrowUploadRegular,
  CheckmarkCircleFilled,
  DeleteRegular,
  DocumentTableArrowRightRegular,
  EditRegular,
  ErrorCircleRegular,
  PersonAddRegular,
} from '@fluentui/react-icons';
import { useCallback, useEffect, useId, useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  api,
  call,
  type ChecklistItem,
  type ClientProblem,
  type Contact,
  type ContactImportPreview,
  type SectionState,
} from '../../api/client';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProblemBar } from '../../components/problem-bar';
import { Section, TableScroll } from '../../components/section';
import { TOASTER_ID, useNotify } from '../../components/toast';
import { NARROW_QUERY, useMediaQuery } from '../../components/use-media-query';
import { currentLocale } from '../../i18n/i18n';
import { joinList } from '../../i18n/list';
import { ContactDialog } from './contact-dialog';
import { ImportErrorsDialog, ImportPreviewDialog, stageContactImport } from './contact-import';
import { countryName, stateName } from './countries';
import { useVocabularyLabels } from './labels';
import { SectionStateBadge } from './offer-badges';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    outlineOffset: '4px',
  },
  dragging: {
    outline: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  rule: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  ruleIcon: { flexShrink: 0, fontSize: '20px' },
  met: { color: tokens.colorPaletteGreenForeground1 },
  unmet: { color: tokens.colorPaletteRedForeground1 },
  person: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalXS,
  },
  secondary: { color: tokens.colorNeutralForeground3, overflowWrap: 'anywhere' },
  wrap: { overflowWrap: 'anywhere' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalXS, justifyContent: 'flex-end' },
  actionsHead: { width: '88px' },
  contactHead: { width: '30%' },
  empty: { color: tokens.colorNeutralForeground2 },
  hint: { color: tokens.colorNeutralForeground3 },
});

interface Target {
  organisationId: string;
  offerId: string;
}

/** Lets "Countries/regions" wrap after the slash in a narrow column header. */
const breakable = (label: string) => label.replace(/\//g, '/\u200b');

/**
 * Contacts: the table (add, edit, remove), the CSV template, import (preview, confirm, undo)
 * and export, and the Partner sales coverage rule from the checklist.
 */
export function ContactsSection({
  target,
  state,
  coverage,
  undoableImportId,
  canWrite,
  onChanged,
}: {
  target: Target;
  state: SectionState;
  /** The checklist's Partner sales rule (absent when the policy has none). */
  coverage: ChecklistItem | undefined;
  undoableImportId: string | null;
  canWrite: boolean;
  /** The contacts changed: the co-sell tab reloads its checklist. */
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const notify = useNotify();
  const { dispatchToast } = useToastController(TOASTER_ID);
  const narrow = useMediaQuery(NARROW_QUERY);
  const locale = currentLocale();
  const fileInput = useRef<HTMLInputElement>(null);
  const descriptionId = useId();
  const [contacts, setContacts] = useState<Contact[] | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [editing, setEditing] = useState<Contact | 'new' | null>(null);
  const [removing, setRemoving] = useState<Contact | null>(null);
  const [importing, setImporting] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<{ fileName: string; problem: ClientProblem } | null>(null);
  const [preview, setPreview] = useState<{ fileName: string; data: ContactImportPreview } | null>(
    null,
  );
  const [loads, setLoads] = useState(0);
  const base = `/api/organisations/${encodeURIComponent(target.organisationId)}/offers/${encodeURIComponent(target.offerId)}`;

  useEffect(() => {
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/offers/{offerId}/contacts', {
        params: { path: target },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setContacts(result.data.items);
        setProblem(null);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [target, loads]);

  const changed = useCallback(() => {
    setLoads((n) => n + 1);
    onChanged();
  }, [onChanged]);

  const undo = async (importId: string) => {
    const result = await call(
      api.POST(
        '/api/organisations/{organisationId}/offers/{offerId}/contact-imports/{importId}/undo',
        { params: { path: { ...target, importId } } },
      ),
    );
    if (!result.ok) {
      notify(result.problem.detail ?? result.problem.title, 'error');
      return;
    }
    notify(t('contactImport.undone'));
    changed();
  };

  const importFile = async (file: File | undefined) => {
    if (!file || importing) return;
    setImporting(true);
    const result = await stageContactImport(target, file);
    setImporting(false);
    if (result.ok) setPreview({ fileName: file.name, data: result.data });
    else if (result.problem.status === 400 || result.problem.status === 413)
      setRefused({ fileName: file.name, problem: result.problem });
    else notify(result.problem.title, 'error');
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
          void importFile(event.dataTransfer.files[0]);
        },
      }
    : {};

  const places = (contact: Contact) =>
    joinList(
      contact.countries.map((code) => countryName(code, locale, t('countries.all'))),
      locale,
    );
  const states = (contact: Contact) =>
    joinList(
      contact.states.map((code) => stateName(code, locale)),
      locale,
    ) || '—';

  return (
    <Section
      title={t('contacts.title')}
      description={t('contacts.description')}
      actions={<SectionStateBadge state={state} />}
      testId="contacts-section"
    >
      <div
        id="contacts"
        className={mergeClasses(styles.root, dragging && styles.dragging)}
        aria-describedby={descriptionId}
        {...dropProps}
      >
        {coverage ? (
          <div className={styles.rule}>
            {coverage.met ? (
              <CheckmarkCircleFilled
                className={mergeClasses(styles.ruleIcon, styles.met)}
                role="img"
                aria-label={t('checklist.met')}
              />
            ) : (
              <ErrorCircleRegular
                className={mergeClasses(styles.ruleIcon, styles.unmet)}
                role="img"
                aria-label={t('checklist.missing')}
              />
            )}
            <Text>{coverage.message}</Text>
          </div>
        ) : null}
        <div className={styles.toolbar}>
          {canWrite ? (
            <Button
              appearance="primary"
              icon={<PersonAddRegular />}
              onClick={() => setEditing('new')}
            >
              {t('contacts.add')}
            </Button>
          ) : null}
          <Button
            as="a"
            href="/api/contacts/template.csv"
            download="contacts-template.csv"
            icon={<DocumentTableArrowRightRegular />}
          >
            {t('contacts.template')}
          </Button>
          {canWrite ? (
            <Button
              icon={importing ? <Spinner size="extra-tiny" /> : <ArrowUploadRegular />}
              disabled={importing}
              onClick={() => fileInput.current?.click()}
            >
              {t('contacts.import')}
            </Button>
          ) : null}
          <Button as="a" href={`${base}/contacts.csv`} download icon={<ArrowDownloadRegular />}>
            {t('contacts.export')}
          </Button>
          {canWrite && undoableImportId ? (
            <Button icon={<ArrowUndoRegular />} onClick={() => void undo(undoableImportId)}>
              {t('contactImport.undoLast')}
            </Button>
          ) : null}
        </div>
        <Text id={descriptionId} size={200} className={styles.hint}>
          {canWrite ? t('contacts.importHint') : t('contacts.readOnly')}
        </Text>
        {canWrite ? (
          <input
            ref={fileInput}
            type="file"
            hidden
            accept=".csv,text/csv"
            aria-label={t('contacts.import')}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              void importFile(file);
            }}
          />
        ) : null}
        <ProblemBar problem={problem} />
        {contacts === null ? (
          problem ? null : (
            <Spinner size="small" label={t('common.loading')} />
          )
        ) : contacts.length === 0 ? (
          <Body1 className={styles.empty}>{t('contacts.empty')}</Body1>
        ) : (
          <TableScroll>
            <Table aria-label={t('contacts.title')} size={narrow ? 'small' : 'medium'}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell className={narrow ? undefined : styles.contactHead}>
                    {t('contacts.contact')}
                  </TableHeaderCell>
                  {narrow ? null : (
                    <>
                      <TableHeaderCell>{t('contacts.roleAndTitle')}</TableHeaderCell>
                      <TableHeaderCell>{breakable(t('contacts.countries'))}</TableHeaderCell>
                      <TableHeaderCell>{breakable(t('contacts.states'))}</TableHeaderCell>
                    </>
                  )}
                  {canWrite ? (
                    <TableHeaderCell className={styles.actionsHead}>
                      <span className="visually-hidden">{t('common.actions')}</span>
                    </TableHeaderCell>
                  ) : null}
                </TableRow>
              </TableHeader>
              <TableBody>
                {contacts.map((contact) => (
                  <TableRow key={contact.id}>
                    <TableCell>
                      {narrow ? (
                        <span className={styles.person}>
                          <Text weight="semibold" className={styles.wrap}>
                            {contact.name}
                          </Text>
                          <Text size={200} className={styles.secondary}>
                            {contact.email}
                          </Text>
                          <Text size={200} className={styles.secondary}>
                            {contact.jobTitle} · {labels.contactRole[contact.role]}
                          </Text>
                          <Text size={200} className={styles.secondary}>
                            {places(contact)}
                            {contact.states.length > 0 ? ` · ${states(contact)}` : ''}
                          </Text>
                        </span>
                      ) : (
                        <span className={styles.person}>
                          <Text weight="semibold" className={styles.wrap}>
                            {contact.name}
                          </Text>
                          <Link href={`mailto:${contact.email}`} className={styles.wrap}>
                            {contact.email}
                          </Link>
                        </span>
                      )}
                    </TableCell>
                    {narrow ? null : (
                      <>
                        <TableCell>
                          <span className={styles.person}>
                            <Text>{labels.contactRole[contact.role]}</Text>
                            <Text size={200} className={styles.secondary}>
                              {contact.jobTitle}
                            </Text>
                          </span>
                        </TableCell>
                        <TableCell>{places(contact)}</TableCell>
                        <TableCell>{states(contact)}</TableCell>
                      </>
                    )}
                    {canWrite ? (
                      <TableCell>
                        <span className={styles.actions}>
                          <Button
                            appearance="subtle"
                            icon={<EditRegular />}
                            aria-label={t('contacts.editContact', { name: contact.name })}
                            title={t('contacts.edit')}
                            onClick={() => setEditing(contact)}
                          />
                          <Button
                            appearance="subtle"
                            icon={<DeleteRegular />}
                            aria-label={t('contacts.removeContact', { name: contact.name })}
                            title={t('contacts.remove')}
                            onClick={() => setRemoving(contact)}
                          />
                        </span>
                      </TableCell>
                    ) : null}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </div>
      {editing ? (
        <ContactDialog
          target={target}
          contact={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={(contact) => {
            notify(
              editing === 'new'
                ? t('contacts.added', { name: contact.name })
                : t('contacts.saved', { name: contact.name }),
            );
            setEditing(null);
            changed();
          }}
        />
      ) : null}
      <ConfirmDialog
        open={removing !== null}
        title={t('contacts.removeTitle')}
        confirmLabel={t('contacts.remove')}
        onClose={() => setRemoving(null)}
        onConfirm={async () => {
          if (!removing) return null;
          const result = await call(
            api.DELETE(
              '/api/organisations/{organisationId}/offers/{offerId}/contacts/{contactId}',
              {
                params: {
                  path: { ...target, contactId: removing.id },
                  header: { 'if-match': `"v${removing.version}"` },
                },
              },
            ),
          );
          if (!result.ok) return result.problem;
          notify(t('contacts.removed', { name: removing.name }));
          changed();
          return null;
        }}
      >
        {removing ? t('contacts.removeBody', { name: removing.name }) : null}
      </ConfirmDialog>
      {refused ? (
        <ImportErrorsDialog
          fileName={refused.fileName}
          problem={refused.problem}
          onClose={() => setRefused(null)}
        />
      ) : null}
      {preview ? (
        <ImportPreviewDialog
          target={target}
          fileName={preview.fileName}
          preview={preview.data}
          currentCount={contacts?.length ?? 0}
          onClose={() => setPreview(null)}
          onApplied={(importId) => {
            const { added, removed, changed: updated } = preview.data;
            setPreview(null);
            changed();
            dispatchToast(
              <Toast>
                <ToastTitle
                  action={
                    <ToastTrigger>
                      <Link onClick={() => void undo(importId)}>{t('contactImport.undo')}</Link>
                    </ToastTrigger>
                  }
                >
                  {t('contactImport.applied', {
                    added: added.count,
                    removed: removed.count,
                    changed: updated.count,
                  })}
                </ToastTitle>
              </Toast>,
              { intent: 'success', timeout: 15_000, politeness: 'polite' },
            );
          }}
        />
      ) : null}
    </Section>
  );
}
