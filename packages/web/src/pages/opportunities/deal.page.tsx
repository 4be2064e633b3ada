/**
 * One deal: its state and the actions it allows, details and notes (edited with If-Match),
 * the customer (fixed after creation), the team, the other participants and the full history.
 */
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import {
  ArrowLeftRegular,
  CheckmarkRegular,
  DismissCircleRegular,
  ErrorCircleRegular,
  EyeRegular,
  PeopleAddRegular,
  StarFilled,
  StarRegular,
  TrophyRegular,
  ArrowTrendingRegular,
  ThumbDislikeRegular,
} from '@fluentui/react-icons';
import type { Referral, ReferralMember } from '@cosell/core';
import { useEffect, useState, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { ClientProblem } from '../../api/client';
import { EmptyState } from '../../components/empty-state';
import { formatDate, formatDateTime } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ProblemBar } from '../../components/problem-bar';
import { Section, TableScroll } from '../../components/section';
import { useNotify } from '../../components/toast';
import { useDocumentTitle } from '../../components/use-document-title';
import { currentLocale } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';
import { countryName } from '../offers/countries';
import { ActionDialog, type DialogKind } from './action-dialogs';
import {
  getParticipants,
  getReferral,
  getReferralOptions,
  getTimeline,
  isFavorite,
  patchReferral,
  setFavorite,
  type ReferralOptions,
  type SharedReferralView,
  type TimelineEntry,
} from './api';
import { availableActions, isOpen, type DealActionKind } from './deal-actions';
import { dateInputValue, formatMoney, isoOfDateInput } from './format';
import { CurrencyField, filledMembers, TeamEditor } from './form-parts';
import { labelOf, useReferralLabels } from './labels';
import { daysUntilExpiry } from './list-query';
import { StatusBadge } from './status-badge';

const useStyles = makeStyles({
  summary: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(180px, 1fr))',
    gap: tokens.spacingHorizontalL,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  definition: { margin: 0, overflowWrap: 'anywhere' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  form: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  wide: { gridColumn: '1 / -1' },
  timeline: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  event: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    paddingBlock: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  meta: { color: tokens.colorNeutralForeground3 },
  expiring: { color: tokens.colorPaletteDarkOrangeForeground2 },
});

/** The deal page of the route `/opportunities/:referralId`. */
export default function DealPage() {
  const { referralId = '' } = useParams();
  const { active } = useSignedIn();
  if (!active) return null;
  return (
    <Deal
      key={`${active.organisation.id}/${referralId}`}
      organisationId={active.organisation.id}
      kind={active.organisation.kind}
      referralId={referralId}
    />
  );
}

function Deal({
  organisationId,
  kind,
  referralId,
}: {
  organisationId: string;
  kind: string;
  referralId: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useReferralLabels();
  const notify = useNotify();
  const navigate = useNavigate();
  const locale = currentLocale();
  const [referral, setReferral] = useState<Referral | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [options, setOptions] = useState<ReferralOptions | null>(null);
  const [favorite, setFavoriteState] = useState<boolean | null>(null);
  const [participants, setParticipants] = useState<SharedReferralView[] | null>(null);
  const [timeline, setTimeline] = useState<TimelineEntry[] | null>(null);
  const [dialog, setDialog] = useState<DialogKind | null>(null);
  const [stale, setStale] = useState(false);
  useDocumentTitle(referral?.name ?? t('opportunities.title'));

  const [version, setVersion] = useState(0);
  const load = () => setVersion((v) => v + 1);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const result = await getReferral(organisationId, referralId);
      if (cancelled) return;
      if (!result.ok) {
        setProblem(result.problem);
        return;
      }
      setProblem(null);
      setStale(false);
      setReferral(result.data);
      const [people, history, fav] = await Promise.all([
        getParticipants(organisationId, referralId),
        getTimeline(organisationId, referralId),
        isFavorite(organisationId, result.data),
      ]);
      if (cancelled) return;
      setParticipants(people.ok ? people.data.value : []);
      setTimeline(history.ok ? history.data.value : []);
      setFavoriteState(fav);
    })();
    return () => {
      cancelled = true;
    };
  }, [organisationId, referralId, version]);

  useEffect(() => {
    let cancelled = false;
    void getReferralOptions(organisationId).then((result) => {
      if (!cancelled && result.ok) setOptions(result.data);
    });
    return () => {
      cancelled = true;
    };
  }, [organisationId]);

  /** The details of a timeline entry, one line each, in the reader's language. */
  const summaryLines = (summary: TimelineEntry['summary']): string[] => {
    if (typeof summary === 'string') return summary ? [summary] : [];
    return Object.entries(summary).flatMap(([key, value]) => {
      if (value === null || value === '') return [];
      const text = String(value);
      switch (key) {
        case 'substatus':
          return [
            t('opportunities.timeline.substatus', { value: labelOf(labels.substatus, text) }),
          ];
        case 'salesStage':
          return [t('opportunities.timeline.stage', { value: labelOf(labels.stage, text) })];
        case 'visibility':
          return [
            t('opportunities.timeline.visibility', { value: labelOf(labels.visibility, text) }),
          ];
        case 'reason':
          return [
            t('opportunities.timeline.reason', {
              value: labelOf({ ...labels.declineReason, ...labels.errorReason }, text),
            }),
          ];
        case 'dealKind':
          return [labelOf(labels.dealKind, text)];
        case 'invitee':
          return [t('opportunities.timeline.invitee', { value: text })];
        case 'fields':
          return [t('opportunities.timeline.fields', { value: text })];
        default:
          return [`${key}: ${text}`];
      }
    });
  };

  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) void navigate(-1);
    else void navigate('/opportunities');
  };

  if (!referral) {
    return problem ? (
      <>
        <PageHeader title={t('opportunities.title')} />
        {problem.status === 404 ? (
          <EmptyState
            title={t('opportunities.notFoundTitle')}
            actions={<Button onClick={back}>{t('opportunities.backToList')}</Button>}
          >
            {t('opportunities.notFoundBody')}
          </EmptyState>
        ) : (
          <ProblemBar problem={problem} />
        )}
      </>
    ) : (
      <Spinner label={t('common.loading')} />
    );
  }

  const actions = availableActions(referral, kind);
  const days = daysUntilExpiry(referral, new Date());
  const ACTION_BUTTONS: Record<
    DealActionKind,
    { label: string; icon: ReactElement; primary?: boolean }
  > = {
    accept: { label: t('opportunities.action.accept'), icon: <CheckmarkRegular />, primary: true },
    decline: { label: t('opportunities.action.decline'), icon: <DismissCircleRegular /> },
    'move-stage': { label: t('opportunities.action.moveStage'), icon: <ArrowTrendingRegular /> },
    win: { label: t('opportunities.action.win'), icon: <TrophyRegular />, primary: true },
    lose: { label: t('opportunities.action.lose'), icon: <ThumbDislikeRegular /> },
    'close-as-error': { label: t('opportunities.action.closeError'), icon: <ErrorCircleRegular /> },
    'upgrade-visibility': {
      label: t('opportunities.action.upgradeVisibility'),
      icon: <EyeRegular />,
    },
    invite: { label: t('opportunities.action.invite'), icon: <PeopleAddRegular /> },
  };

  const toggleFavorite = async () => {
    const next = !favorite;
    const result = await setFavorite(organisationId, referral.id, next);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setFavoriteState(next);
    notify(next ? t('opportunities.favoriteAdded') : t('opportunities.favoriteRemoved'));
  };

  const afterChange = (next: Referral, message: string) => {
    setDialog(null);
    setReferral(next);
    notify(message);
    load();
  };

  return (
    <>
      <div>
        <Button appearance="subtle" icon={<ArrowLeftRegular />} onClick={back}>
          {t('opportunities.backToList')}
        </Button>
      </div>
      <PageHeader
        title={referral.name}
        description={
          <span>
            {referral.customerProfile.name} · {labels.dealKind[referral.dealKind]} ·{' '}
            {referral.organizationName}
          </span>
        }
        actions={
          <Button
            appearance="subtle"
            icon={favorite ? <StarFilled /> : <StarRegular />}
            aria-pressed={favorite ?? false}
            disabled={favorite === null}
            onClick={() => void toggleFavorite()}
          >
            {favorite ? t('opportunities.unfavorite') : t('opportunities.favorite')}
          </Button>
        }
      />
      {stale ? (
        <MessageBar intent="warning" layout="multiline" role="alert">
          <MessageBarBody>
            <MessageBarTitle>{t('opportunities.staleTitle')}</MessageBarTitle>
            {t('opportunities.staleBody')}
          </MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => load()}>{t('common.reload')}</Button>
          </MessageBarActions>
        </MessageBar>
      ) : null}
      <ProblemBar problem={problem} />
      <Section
        title={t('opportunities.section.status')}
        actions={
          actions.length > 0 ? (
            <div
              className={styles.actions}
              role="toolbar"
              aria-label={t('opportunities.dealActions')}
            >
              {actions.map((action) => (
                <Button
                  key={action}
                  appearance={ACTION_BUTTONS[action].primary ? 'primary' : 'secondary'}
                  icon={ACTION_BUTTONS[action].icon}
                  onClick={() => setDialog(action)}
                >
                  {ACTION_BUTTONS[action].label}
                </Button>
              ))}
            </div>
          ) : null
        }
      >
        <dl className={styles.summary}>
          <Item label={t('opportunities.col.status')}>
            <StatusBadge referral={referral} />
            {days !== null ? (
              <Caption1 className={styles.expiring}>
                {' '}
                {t('opportunities.expiresIn', { count: days })}
              </Caption1>
            ) : null}
          </Item>
          <Item label={t('opportunities.field.stage')}>
            {referral.salesStage ? labelOf(labels.stage, referral.salesStage) : '—'}
          </Item>
          <Item label={t('opportunities.field.visibility')}>
            <Badge appearance="outline">{labels.visibility[referral.visibility]}</Badge>
            {referral.helpKind ? ` ${labelOf(labels.helpKind, referral.helpKind)}` : ''}
          </Item>
          <Item label={t('opportunities.col.value')}>
            {formatMoney(referral.details.dealValue, referral.details.currency, locale)}
          </Item>
          <Item label={t('opportunities.col.closeDate')}>
            {formatDate(referral.details.closingDateTime)}
          </Item>
          <Item label={t('opportunities.field.direction')}>
            {referral.direction === 'Incoming'
              ? t('opportunities.tab.inbound')
              : t('opportunities.tab.outbound')}
          </Item>
          {referral.inviteContext?.invitedBy ? (
            <Item label={t('opportunities.field.invitedBy')}>
              {referral.inviteContext.invitedBy.organizationName}
            </Item>
          ) : null}
          {referral.statusReason ? (
            <Item label={t('opportunities.field.reason')}>{referral.statusReason}</Item>
          ) : null}
        </dl>
        {referral.inviteContext?.notes ? (
          <Body1>
            <Text weight="semibold">{t('opportunities.field.notesFromSender')}</Text>{' '}
            {referral.inviteContext.notes}
          </Body1>
        ) : null}
      </Section>
      <DetailsSection
        key={`details-${referral.eTag}`}
        organisationId={organisationId}
        referral={referral}
        options={options}
        onSaved={(next) => afterChange(next, t('opportunities.saved'))}
        onStale={() => setStale(true)}
      />
      <Section
        title={t('opportunities.section.customer')}
        description={t('opportunities.customerReadOnly')}
      >
        <dl className={styles.summary}>
          <Item label={t('opportunities.field.customerName')}>{referral.customerProfile.name}</Item>
          <Item label={t('opportunities.field.country')}>
            {countryName(referral.customerProfile.address.country, locale)}
          </Item>
          <Item label={t('opportunities.field.address')}>
            {[
              referral.customerProfile.address.addressLine1,
              referral.customerProfile.address.city,
              referral.customerProfile.address.postalCode,
            ]
              .filter(Boolean)
              .join(', ') || '—'}
          </Item>
          <Item label={t('opportunities.field.size')}>
            {referral.customerProfile.size
              ? labelOf(labels.size, referral.customerProfile.size)
              : '—'}
          </Item>
        </dl>
        {referral.customerProfile.team.length > 0 ? (
          <People
            members={referral.customerProfile.team}
            label={t('opportunities.field.customerContacts')}
          />
        ) : null}
      </Section>
      <TeamSection
        key={`team-${referral.eTag}`}
        organisationId={organisationId}
        referral={referral}
        onSaved={(next) => afterChange(next, t('opportunities.teamSaved'))}
        onStale={() => setStale(true)}
      />
      <Section
        title={t('opportunities.section.participants')}
        description={t('opportunities.participantsHint')}
      >
        {participants === null ? (
          <Spinner size="small" label={t('common.loading')} />
        ) : participants.length === 0 ? (
          <Body1>{t('opportunities.noParticipants')}</Body1>
        ) : (
          <TableScroll>
            <Table aria-label={t('opportunities.section.participants')}>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('opportunities.col.organisation')}</TableHeaderCell>
                  <TableHeaderCell>{t('opportunities.col.status')}</TableHeaderCell>
                  <TableHeaderCell>{t('opportunities.col.joined')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {participants.map((p) => (
                  <TableRow key={p.id}>
                    <TableCell>
                      {p.organizationName}
                      {p.id === referral.id ? ` (${t('opportunities.you')})` : ''}
                    </TableCell>
                    <TableCell>
                      <StatusBadge referral={p} />
                    </TableCell>
                    <TableCell>{formatDate(p.createdDateTime)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableScroll>
        )}
      </Section>
      <Section
        title={t('opportunities.section.timeline')}
        description={t('opportunities.timelineHint')}
      >
        {timeline === null ? (
          <Spinner size="small" label={t('common.loading')} />
        ) : timeline.length === 0 ? (
          <Body1>{t('opportunities.noHistory')}</Body1>
        ) : (
          <ol className={styles.timeline} data-testid="timeline">
            {timeline.map((entry, index) => (
              <li key={`${entry.at}-${index}`} className={styles.event}>
                <Text weight="semibold">{labelOf(labels.timelineAction, entry.action)}</Text>
                {summaryLines(entry.summary).map((line) => (
                  <Text key={line} size={200}>
                    {line}
                  </Text>
                ))}
                <Caption1 className={styles.meta}>
                  {t('opportunities.timelineMeta', {
                    when: formatDateTime(entry.at),
                    who: entry.actor.name,
                    actorKind: labels.actorKind[entry.actor.kind] ?? entry.actor.kind,
                    channel: labels.channel[entry.channel] ?? entry.channel,
                  })}
                </Caption1>
              </li>
            ))}
          </ol>
        )}
      </Section>
      {dialog ? (
        <ActionDialog
          kind={dialog}
          organisationId={organisationId}
          referral={referral}
          options={options}
          onClose={() => setDialog(null)}
          onStale={() => {
            setDialog(null);
            setStale(true);
          }}
          onDone={afterChange}
        />
      ) : null}
    </>
  );
}

function Item({ label, children }: { label: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <div>
      <dt className={styles.term}>{label}</dt>
      <dd className={styles.definition}>{children}</dd>
    </div>
  );
}

function People({ members, label }: { members: readonly ReferralMember[]; label: string }) {
  return (
    <TableScroll>
      <Table aria-label={label} size="small">
        <TableBody>
          {members.map((m) => (
            <TableRow key={m.email}>
              <TableCell>
                {m.firstName} {m.lastName}
              </TableCell>
              <TableCell>{m.email}</TableCell>
              <TableCell>{m.phoneNumber ?? ''}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}

/** The deal's own values (name, value, currency, close date, CRM ID, notes), saved with If-Match. */
function DetailsSection({
  organisationId,
  referral,
  options,
  onSaved,
  onStale,
}: {
  organisationId: string;
  referral: Referral;
  options: ReferralOptions | null;
  onSaved: (referral: Referral) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const editable = isOpen(referral);
  const [name, setName] = useState(referral.name);
  const [value, setValue] = useState(String(referral.details.dealValue));
  const [currency, setCurrency] = useState(referral.details.currency);
  const [close, setClose] = useState(dateInputValue(referral.details.closingDateTime));
  const [crm, setCrm] = useState(referral.externalReferenceId ?? '');
  const [notes, setNotes] = useState(referral.details.notes);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const fields = problem?.fields ?? {};

  const save = async () => {
    const closingDateTime = isoOfDateInput(close);
    const dealValue = Number(value);
    const errors: Record<string, string> = {};
    if (!name.trim()) errors.name = t('opportunities.error.required');
    if (!value.trim() || !Number.isFinite(dealValue) || dealValue < 0)
      errors['details.dealValue'] = t('opportunities.error.value');
    if (!/^[A-Z]{3}$/.test(currency))
      errors['details.currency'] = t('opportunities.error.currency');
    if (!closingDateTime) errors['details.closingDateTime'] = t('opportunities.error.date');
    if (!notes.trim()) errors['details.notes'] = t('opportunities.error.required');
    if (Object.keys(errors).length > 0) {
      setProblem({
        status: 400,
        code: 'VALIDATION',
        title: t('opportunities.error.fix'),
        fields: errors,
      });
      return;
    }
    const ops: { op: 'replace' | 'add'; path: string; value: unknown }[] = [];
    if (name.trim() !== referral.name)
      ops.push({ op: 'replace', path: '/name', value: name.trim() });
    if (dealValue !== referral.details.dealValue)
      ops.push({ op: 'replace', path: '/details/dealValue', value: dealValue });
    if (currency !== referral.details.currency)
      ops.push({ op: 'replace', path: '/details/currency', value: currency });
    if (dateInputValue(referral.details.closingDateTime) !== close)
      ops.push({ op: 'replace', path: '/details/closingDateTime', value: closingDateTime });
    if (crm.trim() !== (referral.externalReferenceId ?? ''))
      ops.push({ op: 'add', path: '/externalReferenceId', value: crm.trim() });
    if (notes.trim() !== referral.details.notes)
      ops.push({ op: 'replace', path: '/details/notes', value: notes.trim() });
    if (ops.length === 0) return;
    setBusy(true);
    const result = await patchReferral(organisationId, referral.id, referral.eTag, ops);
    setBusy(false);
    if (result.ok) onSaved(result.data);
    else if (result.problem.status === 412) onStale();
    else setProblem(result.problem);
  };

  return (
    <Section
      title={t('opportunities.section.details')}
      description={editable ? t('opportunities.detailsHint') : t('opportunities.closedReadOnly')}
    >
      <ProblemBar
        problem={problem}
        shownFields={[
          'name',
          'details.dealValue',
          'details.currency',
          'details.closingDateTime',
          'details.notes',
          'externalReferenceId',
        ]}
      />
      <form
        className={styles.form}
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <Field label={t('opportunities.field.name')} required validationMessage={fields.name}>
          <Input value={name} readOnly={!editable} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Field
          label={t('opportunities.field.value')}
          required
          validationMessage={fields['details.dealValue']}
        >
          <Input
            type="number"
            min={0}
            value={value}
            readOnly={!editable}
            onChange={(_e, d) => setValue(d.value)}
          />
        </Field>
        {editable ? (
          <CurrencyField
            value={currency}
            onChange={setCurrency}
            currencies={options?.currencies}
            error={fields['details.currency']}
          />
        ) : (
          <Field label={t('opportunities.field.currency')}>
            <Input value={currency} readOnly />
          </Field>
        )}
        <Field
          label={t('opportunities.field.closeDate')}
          required
          validationMessage={fields['details.closingDateTime']}
        >
          <Input
            type="date"
            value={close}
            readOnly={!editable}
            onChange={(_e, d) => setClose(d.value)}
          />
        </Field>
        <Field
          label={t('opportunities.field.crmId')}
          hint={t('opportunities.field.crmIdHint')}
          validationMessage={fields.externalReferenceId}
        >
          <Input value={crm} readOnly={!editable} onChange={(_e, d) => setCrm(d.value)} />
        </Field>
        <Field
          className={styles.wide}
          label={t('opportunities.field.notes')}
          required
          validationMessage={fields['details.notes']}
        >
          <Textarea
            value={notes}
            readOnly={!editable}
            resize="vertical"
            onChange={(_e, d) => setNotes(d.value)}
          />
        </Field>
        <div className={styles.wide}>
          <Text size={200}>
            {t('opportunities.field.solutions')}:{' '}
            {referral.details.requirements.solutions.map((s) => s.name).join(', ')}
          </Text>
        </div>
        {editable ? (
          <div>
            <Button appearance="primary" type="submit" disabled={busy}>
              {t('opportunities.saveDetails')}
            </Button>
          </div>
        ) : null}
      </form>
    </Section>
  );
}

/** The organisation's own team on the deal; who is on it decides what referrals users see. */
function TeamSection({
  organisationId,
  referral,
  onSaved,
  onStale,
}: {
  organisationId: string;
  referral: Referral;
  onSaved: (referral: Referral) => void;
  onStale: () => void;
}) {
  const { t } = useTranslation();
  const editable = isOpen(referral);
  const [team, setTeam] = useState<ReferralMember[]>(referral.team);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [busy, setBusy] = useState(false);
  if (!editable) {
    return (
      <Section title={t('opportunities.section.team')}>
        <People members={referral.team} label={t('opportunities.section.team')} />
      </Section>
    );
  }
  return (
    <Section title={t('opportunities.section.team')} description={t('opportunities.teamHint')}>
      <ProblemBar
        problem={problem}
        shownFields={team.flatMap((_m, i) =>
          ['firstName', 'lastName', 'email', 'phoneNumber'].map((f) => `team.${i}.${f}`),
        )}
      />
      <TeamEditor
        label={t('opportunities.section.team')}
        members={team}
        onChange={setTeam}
        errors={problem?.fields}
        fieldPrefix="team"
        minimum={1}
      />
      <div>
        <Button
          appearance="primary"
          disabled={busy}
          onClick={async () => {
            const members = filledMembers(team);
            if (members.length === 0) {
              setProblem({
                status: 400,
                code: 'VALIDATION',
                title: t('opportunities.error.team'),
                fields: {},
              });
              return;
            }
            setBusy(true);
            const result = await patchReferral(organisationId, referral.id, referral.eTag, [
              { op: 'replace', path: '/team', value: members },
            ]);
            setBusy(false);
            if (result.ok) onSaved(result.data);
            else if (result.problem.status === 412) onStale();
            else setProblem(result.problem);
          }}
        >
          {t('opportunities.saveTeam')}
        </Button>
      </div>
    </Section>
  );
}
