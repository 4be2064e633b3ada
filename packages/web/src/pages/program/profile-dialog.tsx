import {
  Button,
  Checkbox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from '../../api/client';
import type { paths } from '../../api/schema';
import { formatDateTime } from '../../components/format';
import { useDiscardGuard, useFormChanged } from '../../components/discard-prompt';
import { ProblemBar } from '../../components/problem-bar';
import { useSignedIn } from '../../session/session-context';
import {
  ISV_CONNECT_LEVELS,
  PARTNER_FIELDS,
  PROFILE_FIELDS,
  ProvenanceNote,
  useProfileLabels,
  type IsvConnect,
  type PartnerField,
  type ProfileField,
  type ProgramProfile,
  useProfileDraft,
} from '../settings/profile-fields';

type PatchBody =
  paths['/api/organisations/{organisationId}/program-profile']['patch']['requestBody']['content']['application/json'];

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  heading: { margin: 0 },
  field: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  control: { flexGrow: 1, minWidth: '200px', maxWidth: '360px' },
  updated: { color: tokens.colorNeutralForeground3 },
});

interface Draft {
  partnerId: string;
  marketplaceAccountActive: boolean;
  businessProfileComplete: boolean;
  azureConsumedRevenueUsd: string;
  marketplaceBilledRevenueUsd: string;
  goldCompetency: boolean;
  solutionsPartnerDesignations: string;
  isvConnect: IsvConnect;
}

const toDraft = (p: ProgramProfile): Draft => ({
  partnerId: p.partnerId ?? '',
  marketplaceAccountActive: p.marketplaceAccountActive,
  businessProfileComplete: p.businessProfileComplete,
  azureConsumedRevenueUsd: String(p.azureConsumedRevenueUsd),
  marketplaceBilledRevenueUsd: String(p.marketplaceBilledRevenueUsd),
  goldCompetency: p.goldCompetency,
  solutionsPartnerDesignations: p.solutionsPartnerDesignations.join('\n'),
  isvConnect: p.isvConnect,
});

const designations = (text: string) =>
  [...new Set(text.split('\n').map((line) => line.trim()))].filter(Boolean);

/** An amount as typed: a number of 0 or more, or undefined when it is not one. */
function amount(text: string): number | undefined {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Only what changed, so untouched fields keep who set them and their verification. */
function patchOf(profile: ProgramProfile, draft: Draft, verify: readonly PartnerField[]) {
  const body: PatchBody = {};
  const partnerId = draft.partnerId.trim() || null;
  if (partnerId !== profile.partnerId) body.partnerId = partnerId;
  for (const field of [
    'marketplaceAccountActive',
    'businessProfileComplete',
    'goldCompetency',
  ] as const)
    if (draft[field] !== profile[field]) body[field] = draft[field];
  for (const field of ['azureConsumedRevenueUsd', 'marketplaceBilledRevenueUsd'] as const) {
    const value = amount(draft[field]);
    if (value !== undefined && value !== profile[field]) body[field] = value;
  }
  const list = designations(draft.solutionsPartnerDesignations);
  if (list.join('\n') !== profile.solutionsPartnerDesignations.join('\n'))
    body.solutionsPartnerDesignations = list;
  if (draft.isvConnect !== profile.isvConnect) body.isvConnect = draft.isvConnect;
  if (verify.length > 0) body.verify = [...verify];
  return body;
}

/**
 * Program admins: every field of one partner's profile, with where each value came from, and
 * "Verified" for values the partner entered. Saves only the changes, with If-Match.
 */
export function ProfileDialog({
  organisationId,
  organisationName,
  onSaved,
  onClose,
}: {
  organisationId: string;
  organisationName: string;
  onSaved: (profile: ProgramProfile) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useProfileLabels();
  const { active } = useSignedIn();
  const headingId = useId();
  const [verify, setVerify] = useState<PartnerField[]>([]);
  const [names, setNames] = useState<ReadonlyMap<string, string>>(new Map());
  const { profile, draft, setDraft, busy, problem, reload, save } = useProfileDraft(
    organisationId,
    toDraft,
    () => setVerify([]),
  );

  // The API names who set a value by user id: resolve the partner's and the program's people.
  const vendorId = active?.organisation.id;
  useEffect(() => {
    let cancelled = false;
    const ids = [organisationId, ...(vendorId ? [vendorId] : [])];
    void Promise.all(
      ids.map((id) =>
        call(
          api.GET('/api/organisations/{organisationId}/members', {
            params: { path: { organisationId: id } },
          }),
        ),
      ),
    ).then((results) => {
      if (cancelled) return;
      const map = new Map<string, string>();
      for (const result of results)
        if (result.ok)
          for (const member of result.data.items) map.set(member.user.id, member.user.name);
      setNames(map);
    });
    return () => {
      cancelled = true;
    };
  }, [organisationId, vendorId]);

  const guard = useDiscardGuard(useFormChanged(draft), onClose);

  const body = useMemo(
    () => (profile && draft ? patchOf(profile, draft, verify) : {}),
    [profile, draft, verify],
  );
  const invalidAmount = (field: 'azureConsumedRevenueUsd' | 'marketplaceBilledRevenueUsd') =>
    draft !== null && amount(draft[field]) === undefined;
  const valid =
    !invalidAmount('azureConsumedRevenueUsd') && !invalidAmount('marketplaceBilledRevenueUsd');
  const dirty = Object.keys(body).length > 0;
  const stale = problem?.status === 412;

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => (d ? { ...d, [key]: value } : d));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!profile || !dirty || !valid) return;
    const saved = await save(body);
    if (saved) onSaved(saved);
  };

  const message = (field: ProfileField) =>
    problem?.fields[field] ??
    (field === 'azureConsumedRevenueUsd' || field === 'marketplaceBilledRevenueUsd'
      ? invalidAmount(field)
        ? t('profile.amountInvalid')
        : undefined
      : undefined);

  const control = (field: ProfileField, draft: Draft) => {
    const testId = `profile-field-${field}`;
    switch (field) {
      case 'partnerId':
        return (
          <Field
            className={styles.control}
            label={labels.field.partnerId}
            validationMessage={message(field)}
          >
            <Input
              value={draft.partnerId}
              inputMode="numeric"
              data-testid={testId}
              onChange={(_e, d) => set('partnerId', d.value)}
            />
          </Field>
        );
      case 'marketplaceAccountActive':
      case 'businessProfileComplete':
      case 'goldCompetency':
        return (
          <Field className={styles.control} validationMessage={message(field)}>
            <Checkbox
              label={labels.field[field]}
              checked={draft[field]}
              data-testid={testId}
              onChange={(_e, d) => set(field, d.checked === true)}
            />
          </Field>
        );
      case 'azureConsumedRevenueUsd':
      case 'marketplaceBilledRevenueUsd':
        return (
          <Field
            className={styles.control}
            label={labels.field[field]}
            validationMessage={message(field)}
          >
            <Input
              type="number"
              min={0}
              step="any"
              value={draft[field]}
              data-testid={testId}
              onChange={(_e, d) => set(field, d.value)}
            />
          </Field>
        );
      case 'solutionsPartnerDesignations':
        return (
          <Field
            className={styles.control}
            label={labels.field.solutionsPartnerDesignations}
            hint={t('profile.designationsHint')}
            validationMessage={message(field)}
          >
            <Textarea
              resize="vertical"
              value={draft.solutionsPartnerDesignations}
              data-testid={testId}
              onChange={(_e, d) => set('solutionsPartnerDesignations', d.value)}
            />
          </Field>
        );
      case 'isvConnect':
        return (
          <Field
            className={styles.control}
            label={labels.field.isvConnect}
            validationMessage={message(field)}
          >
            <Select
              value={draft.isvConnect}
              data-testid={testId}
              onChange={(_e, d) => set('isvConnect', d.value as IsvConnect)}
            >
              {ISV_CONNECT_LEVELS.map((level) => (
                <option key={level} value={level}>
                  {labels.isvConnect[level]}
                </option>
              ))}
            </Select>
          </Field>
        );
    }
  };

  const verifyControl = (field: ProfileField) => {
    if (!profile || !(PARTNER_FIELDS as readonly string[]).includes(field)) return null;
    const entry = profile.provenance[field];
    if (!entry || entry.verifiedAt) return null;
    const partnerField = field as PartnerField;
    return (
      <Checkbox
        label={t('profile.verify')}
        aria-label={t('profile.verifyField', { field: labels.field[field] })}
        checked={verify.includes(partnerField)}
        data-testid={`profile-verify-${field}`}
        onChange={(_e, d) =>
          setVerify((list) =>
            d.checked ? [...list, partnerField] : list.filter((f) => f !== partnerField),
          )
        }
      />
    );
  };

  const fieldBlock = (field: ProfileField) =>
    profile && draft ? (
      <div key={field} className={styles.field}>
        <div className={styles.row}>
          {control(field, draft)}
          {verifyControl(field)}
        </div>
        <ProvenanceNote provenance={profile.provenance[field]} names={names} />
      </div>
    ) : null;

  return (
    <Dialog open onOpenChange={guard.onOpenChange}>
      <DialogSurface className={styles.surface}>
        {guard.prompt}
        <form onSubmit={submit} noValidate>
          <DialogBody>
            <DialogTitle>{t('profile.editTitle', { organisation: organisationName })}</DialogTitle>
            <DialogContent className={styles.content}>
              <ProblemBar
                problem={problem}
                intent={stale ? 'warning' : 'error'}
                shownFields={[...PROFILE_FIELDS]}
                actions={
                  stale ? (
                    <Button onClick={reload} data-testid="profile-reload">
                      {t('common.reload')}
                    </Button>
                  ) : undefined
                }
              />
              {profile && draft ? (
                <>
                  <div
                    className={styles.group}
                    role="group"
                    aria-labelledby={`${headingId}-partner`}
                  >
                    <Subtitle2 as="h3" id={`${headingId}-partner`} className={styles.heading}>
                      {t('profile.enteredByPartner')}
                    </Subtitle2>
                    {PARTNER_FIELDS.map(fieldBlock)}
                  </div>
                  <div
                    className={styles.group}
                    role="group"
                    aria-labelledby={`${headingId}-program`}
                  >
                    <Subtitle2 as="h3" id={`${headingId}-program`} className={styles.heading}>
                      {t('profile.programHeading')}
                    </Subtitle2>
                    {PROFILE_FIELDS.filter(
                      (f) => !(PARTNER_FIELDS as readonly string[]).includes(f),
                    ).map(fieldBlock)}
                  </div>
                  {profile.updatedAt ? (
                    <span className={styles.updated}>
                      {t('profile.updatedAt', { when: formatDateTime(profile.updatedAt) })}
                    </span>
                  ) : null}
                </>
              ) : problem ? null : (
                <Spinner size="small" />
              )}
            </DialogContent>
            <DialogActions>
              <Button
                appearance="primary"
                type="submit"
                disabled={busy || !dirty || !valid || stale}
                data-testid="profile-save"
              >
                {t('common.save')}
              </Button>
              <Button onClick={guard.requestClose}>{t('common.cancel')}</Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
