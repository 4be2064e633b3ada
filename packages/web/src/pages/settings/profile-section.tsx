import {
  Badge,
  Button,
  Checkbox,
  Field,
  Input,
  makeStyles,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';
import {
  PARTNER_FIELDS,
  profileValue,
  PROGRAM_FIELDS,
  ProvenanceNote,
  useProfileLabels,
  type PartnerField,
  type ProgramProfile,
  useProfileDraft,
} from './profile-fields';

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(340px, 100%), 1fr))',
    gap: tokens.spacingHorizontalXXL,
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  heading: { margin: 0 },
  muted: { color: tokens.colorNeutralForeground2 },
  field: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  input: { maxWidth: '260px' },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  list: { margin: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  term: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  value: { margin: 0, display: 'flex', flexDirection: 'column', gap: '2px' },
});

interface Draft {
  partnerId: string;
  marketplaceAccountActive: boolean;
  businessProfileComplete: boolean;
}

const toDraft = (profile: ProgramProfile): Draft => ({
  partnerId: profile.partnerId ?? '',
  marketplaceAccountActive: profile.marketplaceAccountActive,
  businessProfileComplete: profile.businessProfileComplete,
});

/**
 * Only the fields that changed: sending an unchanged field would record a new entry for it and
 * drop the program's verification.
 */
function changes(profile: ProgramProfile, draft: Draft) {
  const body: { partnerId?: string | null } & Partial<Omit<Draft, 'partnerId'>> = {};
  const partnerId = draft.partnerId.trim() || null;
  if (partnerId !== profile.partnerId) body.partnerId = partnerId;
  if (draft.marketplaceAccountActive !== profile.marketplaceAccountActive)
    body.marketplaceAccountActive = draft.marketplaceAccountActive;
  if (draft.businessProfileComplete !== profile.businessProfileComplete)
    body.businessProfileComplete = draft.businessProfileComplete;
  return body;
}

/**
 * The partner's program profile (settings, section `profile`): what the partner enters as a
 * form saved with If-Match, and what the program sets, read-only with where it came from.
 */
export function ProfileSection({
  organisationId,
  canWrite,
  names,
}: {
  organisationId: string;
  canWrite: boolean;
  /** Names of the organisation's members by user id, for "who set it". */
  names: ReadonlyMap<string, string>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useProfileLabels();
  const notify = useNotify();
  const ids = useId();
  const { profile, draft, setDraft, busy, problem, reload, save } = useProfileDraft(
    organisationId,
    toDraft,
  );

  const body = profile && draft ? changes(profile, draft) : {};
  const dirty = Object.keys(body).length > 0;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!dirty) return;
    if (await save(body)) notify(t('profile.saved'));
  };

  const stale = problem?.status === 412;
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));

  const partnerField = (field: PartnerField) => {
    if (!profile || !draft) return null;
    const noteId = `${ids}-${field}`;
    const note = (
      <ProvenanceNote id={noteId} provenance={profile.provenance[field]} names={names} />
    );
    if (field === 'partnerId') {
      return (
        <div key={field} className={styles.field}>
          <Field
            label={labels.field.partnerId}
            hint={t('profile.partnerIdHint')}
            validationMessage={problem?.fields.partnerId}
          >
            <Input
              className={styles.input}
              value={draft.partnerId}
              readOnly={!canWrite}
              inputMode="numeric"
              autoComplete="off"
              aria-describedby={noteId}
              data-testid="profile-field-partnerId"
              onChange={(_event, data) => set('partnerId', data.value)}
            />
          </Field>
          {note}
        </div>
      );
    }
    return (
      <div key={field} className={styles.field}>
        <Field validationMessage={problem?.fields[field]}>
          <Checkbox
            label={labels.field[field]}
            checked={draft[field]}
            disabled={!canWrite}
            aria-describedby={noteId}
            data-testid={`profile-field-${field}`}
            onChange={(_event, data) => set(field, data.checked === true)}
          />
        </Field>
        {note}
      </div>
    );
  };

  return (
    <Section
      title={t('profile.title')}
      description={canWrite ? t('profile.description') : t('profile.readOnly')}
      testId="profile-section"
    >
      <ProblemBar
        problem={problem}
        intent={stale ? 'warning' : 'error'}
        shownFields={[...PARTNER_FIELDS]}
        actions={
          stale ? (
            <Button onClick={reload} data-testid="profile-reload">
              {t('common.reload')}
            </Button>
          ) : undefined
        }
      />
      {profile && draft ? (
        <div className={styles.groups}>
          <form className={styles.group} onSubmit={submit} noValidate>
            <Subtitle2 as="h3" className={styles.heading}>
              {t('profile.partnerHeading')}
            </Subtitle2>
            {PARTNER_FIELDS.map(partnerField)}
            {canWrite ? (
              <div className={styles.actions}>
                <Button
                  appearance="primary"
                  type="submit"
                  disabled={busy || !dirty || stale}
                  data-testid="profile-save"
                >
                  {t('common.save')}
                </Button>
                {busy ? <Spinner size="tiny" /> : null}
              </div>
            ) : null}
          </form>
          <div className={styles.group}>
            <Subtitle2 as="h3" className={styles.heading}>
              {t('profile.programHeading')}
            </Subtitle2>
            <Text className={styles.muted}>{t('profile.programLead')}</Text>
            <dl className={styles.list}>
              {PROGRAM_FIELDS.map((field) => (
                <div key={field}>
                  <dt className={styles.term}>
                    {labels.field[field]}
                    <Badge appearance="tint" color="informative" size="small">
                      {t('profile.setByProgram')}
                    </Badge>
                  </dt>
                  <dd className={styles.value}>
                    <Text data-testid={`profile-field-${field}`}>
                      {profileValue(profile, field, labels)}
                    </Text>
                    <ProvenanceNote provenance={profile.provenance[field]} names={names} />
                  </dd>
                </div>
              ))}
            </dl>
          </div>
        </div>
      ) : problem ? null : (
        <Spinner size="small" />
      )}
    </Section>
  );
}
