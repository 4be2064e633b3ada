/**
 * The dialogs of a deal's life-cycle actions: accept, decline, move stage, win, lose, close as
 * error, upgrade visibility, and "Invite a partner". Each sends one request with the deal's
 * ETag; a stale ETag (412) is handed to the page, which offers to reload.
 */
import {
  Dropdown,
  Field,
  Input,
  Option,
  Radio,
  RadioGroup,
  Text,
  Textarea,
} from '@fluentui/react-components';
import type {
  Referral,
  ReferralDeclineReason,
  ReferralErrorReason,
  ReferralMember,
  Visibility,
} from '@cosell/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiResult, ClientProblem } from '../../api/client';
import { invitePartner, runAction, type ActionBody, type ReferralOptions } from './api';
import { higherVisibilities, nextStages } from './deal-actions';
import { dateInputValue, isoOfDateInput } from './format';
import { CurrencyField, filledMembers, FormDialog, SolutionPicker, TeamEditor } from './form-parts';
import { HELP_KINDS, labelOf, useReferralLabels, type HelpKind } from './labels';

export type DialogKind =
  | 'accept'
  | 'decline'
  | 'move-stage'
  | 'win'
  | 'lose'
  | 'close-as-error'
  | 'upgrade-visibility'
  | 'invite';

const DECLINE_REASONS: readonly ReferralDeclineReason[] = [
  'No corresponding Microsoft customer record could be found',
  'No Microsoft seller directly manages this customer',
  'Other',
];
const ERROR_REASONS: readonly ReferralErrorReason[] = ['Duplicate', 'Wrong customer', 'Other'];

interface DialogProps {
  organisationId: string;
  referral: Referral;
  options: ReferralOptions | null;
  onDone: (referral: Referral, message: string) => void;
  onStale: () => void;
  onClose: () => void;
}

/** Sends, then hands the outcome on: done, stale (412), or a problem to show in the dialog. */
function useSubmit(props: DialogProps) {
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const finish = async <T,>(
    request: Promise<ApiResult<T>>,
    toReferral: (data: T) => Referral,
    message: string,
  ) => {
    const result = await request;
    if (result.ok) {
      props.onDone(toReferral(result.data), message);
      return;
    }
    if (result.problem.status === 412) {
      props.onStale();
      return;
    }
    setProblem(result.problem);
  };
  const act = (action: ActionBody, message: string) =>
    finish(
      runAction(props.organisationId, props.referral.id, props.referral.eTag, action),
      (r) => r,
      message,
    );
  return { problem, setProblem, act, finish };
}

const localProblem = (title: string, fields: Record<string, string>): ClientProblem => ({
  status: 400,
  code: 'VALIDATION',
  title,
  fields,
});

export function ActionDialog(props: DialogProps & { kind: DialogKind }) {
  switch (props.kind) {
    case 'accept':
      return <AcceptDialog {...props} />;
    case 'decline':
      return <DeclineDialog {...props} />;
    case 'move-stage':
      return <StageDialog {...props} />;
    case 'win':
      return <WinDialog {...props} />;
    case 'lose':
      return <LoseDialog {...props} />;
    case 'close-as-error':
      return <ErrorDialog {...props} />;
    case 'upgrade-visibility':
      return <VisibilityDialog {...props} />;
    case 'invite':
      return <InviteDialog {...props} />;
  }
}

function AcceptDialog(props: DialogProps) {
  const { t } = useTranslation();
  const { referral } = props;
  const { problem, setProblem, act } = useSubmit(props);
  const [name, setName] = useState(referral.name);
  const [value, setValue] = useState(String(referral.details.dealValue));
  const [currency, setCurrency] = useState(referral.details.currency);
  const [close, setClose] = useState(dateInputValue(referral.details.closingDateTime));
  const [notes, setNotes] = useState('');
  const fields = problem?.fields ?? {};
  return (
    <FormDialog
      values={{ name, value, currency, close, notes }}
      title={t('opportunities.accept.title')}
      submitLabel={t('opportunities.action.accept')}
      problem={problem}
      shownFields={['name', 'dealValue', 'currency', 'closingDateTime', 'notes']}
      onClose={props.onClose}
      onSubmit={async () => {
        const closingDateTime = isoOfDateInput(close);
        const dealValue = Number(value);
        const errors: Record<string, string> = {};
        if (!name.trim()) errors.name = t('opportunities.error.required');
        if (!value.trim() || !Number.isFinite(dealValue) || dealValue < 0)
          errors.dealValue = t('opportunities.error.value');
        if (!/^[A-Z]{3}$/.test(currency)) errors.currency = t('opportunities.error.currency');
        if (!closingDateTime) errors.closingDateTime = t('opportunities.error.date');
        if (!notes.trim()) errors.notes = t('opportunities.error.required');
        if (Object.keys(errors).length > 0) {
          setProblem(localProblem(t('opportunities.error.fix'), errors));
          return;
        }
        await act(
          {
            kind: 'accept',
            name: name.trim(),
            dealValue,
            currency,
            closingDateTime: closingDateTime!,
            notes: notes.trim(),
          },
          t('opportunities.accepted', { name: name.trim() }),
        );
      }}
    >
      <Text>{t('opportunities.accept.lead')}</Text>
      <Field label={t('opportunities.field.name')} required validationMessage={fields.name}>
        <Input value={name} onChange={(_e, d) => setName(d.value)} />
      </Field>
      <Field label={t('opportunities.field.value')} required validationMessage={fields.dealValue}>
        <Input type="number" min={0} value={value} onChange={(_e, d) => setValue(d.value)} />
      </Field>
      <CurrencyField
        value={currency}
        onChange={setCurrency}
        currencies={props.options?.currencies}
        error={fields.currency}
      />
      <Field
        label={t('opportunities.field.closeDate')}
        required
        validationMessage={fields.closingDateTime}
      >
        <Input type="date" value={close} onChange={(_e, d) => setClose(d.value)} />
      </Field>
      <Field label={t('opportunities.field.notes')} required validationMessage={fields.notes}>
        <Textarea value={notes} onChange={(_e, d) => setNotes(d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}

function ReasonDialog<R extends string>(
  props: DialogProps & {
    title: string;
    lead: string;
    submitLabel: string;
    reasons: readonly R[];
    reasonLabels: Readonly<Record<string, string>>;
    notesRequired: boolean;
    build: (reason: R, notes: string) => ActionBody;
    message: string;
  },
) {
  const { t } = useTranslation();
  const { problem, setProblem, act } = useSubmit(props);
  const [reason, setReason] = useState<R | ''>('');
  const [notes, setNotes] = useState('');
  const fields = problem?.fields ?? {};
  return (
    <FormDialog
      values={{ reason, notes }}
      title={props.title}
      submitLabel={props.submitLabel}
      problem={problem}
      shownFields={['reason', 'notes']}
      onClose={props.onClose}
      onSubmit={async () => {
        const errors: Record<string, string> = {};
        if (!reason) errors.reason = t('opportunities.error.reason');
        if (props.notesRequired && !notes.trim()) errors.notes = t('opportunities.error.required');
        if (Object.keys(errors).length > 0 || !reason) {
          setProblem(localProblem(t('opportunities.error.fix'), errors));
          return;
        }
        await act(props.build(reason, notes.trim()), props.message);
      }}
    >
      <Text>{props.lead}</Text>
      <Field label={t('opportunities.field.reason')} required validationMessage={fields.reason}>
        <RadioGroup value={reason} onChange={(_e, d) => setReason(d.value as R)}>
          {props.reasons.map((r) => (
            <Radio key={r} value={r} label={labelOf(props.reasonLabels, r)} />
          ))}
        </RadioGroup>
      </Field>
      <Field
        label={t('opportunities.field.notes')}
        required={props.notesRequired}
        validationMessage={fields.notes}
      >
        <Textarea value={notes} onChange={(_e, d) => setNotes(d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}

function DeclineDialog(props: DialogProps) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const reasons = (props.options?.declineReasons ??
    DECLINE_REASONS) as readonly ReferralDeclineReason[];
  return (
    <ReasonDialog
      {...props}
      title={t('opportunities.decline.title')}
      lead={t('opportunities.decline.lead')}
      submitLabel={t('opportunities.action.decline')}
      reasons={reasons}
      reasonLabels={labels.declineReason}
      notesRequired
      build={(reason, notes) => ({ kind: 'decline', reason, notes })}
      message={t('opportunities.declined', { name: props.referral.name })}
    />
  );
}

function ErrorDialog(props: DialogProps) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const reasons = (props.options?.errorReasons ?? ERROR_REASONS) as readonly ReferralErrorReason[];
  return (
    <ReasonDialog
      {...props}
      title={t('opportunities.closeError.title')}
      lead={t('opportunities.closeError.lead')}
      submitLabel={t('opportunities.action.closeError')}
      reasons={reasons}
      reasonLabels={labels.errorReason}
      notesRequired={false}
      build={(reason, notes) => ({ kind: 'close-as-error', reason, ...(notes ? { notes } : {}) })}
      message={t('opportunities.closedAsError', { name: props.referral.name })}
    />
  );
}

function LoseDialog(props: DialogProps) {
  const { t } = useTranslation();
  const { problem, setProblem, act } = useSubmit(props);
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      values={{ reason }}
      title={t('opportunities.lose.title')}
      submitLabel={t('opportunities.action.lose')}
      problem={problem}
      shownFields={['reason']}
      onClose={props.onClose}
      onSubmit={async () => {
        if (!reason.trim()) {
          setProblem(
            localProblem(t('opportunities.error.fix'), {
              reason: t('opportunities.error.required'),
            }),
          );
          return;
        }
        await act(
          { kind: 'lose', reason: reason.trim() },
          t('opportunities.lost', { name: props.referral.name }),
        );
      }}
    >
      <Text>{t('opportunities.lose.lead')}</Text>
      <Field
        label={t('opportunities.field.lossReason')}
        required
        validationMessage={problem?.fields.reason}
      >
        <Textarea value={reason} onChange={(_e, d) => setReason(d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}

function WinDialog(props: DialogProps) {
  const { t } = useTranslation();
  const { problem, act } = useSubmit(props);
  const [notes, setNotes] = useState('');
  return (
    <FormDialog
      values={{ notes }}
      title={t('opportunities.win.title')}
      submitLabel={t('opportunities.action.win')}
      problem={problem}
      onClose={props.onClose}
      onSubmit={() =>
        act(
          { kind: 'win', ...(notes.trim() ? { notes: notes.trim() } : {}) },
          t('opportunities.won', { name: props.referral.name }),
        )
      }
    >
      <Text>{t('opportunities.win.lead')}</Text>
      <Field label={t('opportunities.field.notes')}>
        <Textarea value={notes} onChange={(_e, d) => setNotes(d.value)} resize="vertical" />
      </Field>
    </FormDialog>
  );
}

function StageDialog(props: DialogProps) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const stages = nextStages(props.referral);
  const { problem, setProblem, act } = useSubmit(props);
  const [stage, setStage] = useState(stages[0] ?? '');
  return (
    <FormDialog
      values={{ stage }}
      title={t('opportunities.stageDialog.title')}
      submitLabel={t('opportunities.action.moveStage')}
      problem={problem}
      shownFields={['salesStage', 'stage']}
      onClose={props.onClose}
      onSubmit={async () => {
        if (!stage) {
          setProblem(
            localProblem(t('opportunities.error.fix'), {
              stage: t('opportunities.error.required'),
            }),
          );
          return;
        }
        await act(
          {
            kind: 'move-stage',
            stage: stage as Extract<ActionBody, { kind: 'move-stage' }>['stage'],
          },
          t('opportunities.stageMoved', { stage: labelOf(labels.stage, stage) }),
        );
      }}
    >
      <Text>
        {props.referral.dealKind === 'solution-assessment'
          ? t('opportunities.stageDialog.leadAssessment')
          : t('opportunities.stageDialog.lead')}
      </Text>
      <Field
        label={t('opportunities.field.stage')}
        required
        validationMessage={problem?.fields.salesStage ?? problem?.fields.stage}
      >
        <Dropdown
          value={labelOf(labels.stage, stage)}
          selectedOptions={[stage]}
          onOptionSelect={(_e, d) => setStage(d.optionValue ?? '')}
        >
          {stages.map((s) => (
            <Option key={s} value={s}>
              {labelOf(labels.stage, s)}
            </Option>
          ))}
        </Dropdown>
      </Field>
    </FormDialog>
  );
}

/** The help / visibility choice: who sees the deal and whether the vendor's sellers are asked to help. */
export function VisibilityChoice({
  value,
  onChange,
  helpKind,
  onHelpKind,
  choices,
  error,
  helpError,
}: {
  value: Visibility | '';
  onChange: (value: Visibility) => void;
  helpKind: HelpKind | '';
  onHelpKind: (value: HelpKind) => void;
  choices: readonly Visibility[];
  error?: string | undefined;
  helpError?: string | undefined;
}) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  return (
    <>
      <Field label={t('opportunities.field.visibility')} required validationMessage={error}>
        <RadioGroup value={value} onChange={(_e, d) => onChange(d.value as Visibility)}>
          {choices.map((choice) => (
            <Radio
              key={choice}
              value={choice}
              label={`${labels.visibility[choice]} — ${labels.visibilityHint[choice]}`}
            />
          ))}
        </RadioGroup>
      </Field>
      {value === 'co-sell' ? (
        <Field label={t('opportunities.field.helpKind')} required validationMessage={helpError}>
          <RadioGroup value={helpKind} onChange={(_e, d) => onHelpKind(d.value as HelpKind)}>
            {HELP_KINDS.map((kind) => (
              <Radio key={kind} value={kind} label={labels.helpKind[kind]} />
            ))}
          </RadioGroup>
        </Field>
      ) : null}
    </>
  );
}

function VisibilityDialog(props: DialogProps) {
  const { t } = useTranslation();
  const labels = useReferralLabels();
  const choices = higherVisibilities(props.referral.visibility);
  const { problem, setProblem, act } = useSubmit(props);
  const [to, setTo] = useState<Visibility | ''>('');
  const [helpKind, setHelpKind] = useState<HelpKind | ''>('');
  return (
    <FormDialog
      values={{ to, helpKind }}
      title={t('opportunities.visibilityDialog.title')}
      submitLabel={t('opportunities.action.upgradeVisibility')}
      problem={problem}
      shownFields={['to', 'helpKind']}
      onClose={props.onClose}
      onSubmit={async () => {
        const errors: Record<string, string> = {};
        if (!to) errors.to = t('opportunities.error.choose');
        if (to === 'co-sell' && !helpKind) errors.helpKind = t('opportunities.error.choose');
        if (Object.keys(errors).length > 0 || !to) {
          setProblem(localProblem(t('opportunities.error.fix'), errors));
          return;
        }
        await act(
          { kind: 'upgrade-visibility', to, ...(to === 'co-sell' && helpKind ? { helpKind } : {}) },
          t('opportunities.visibilityRaised', { visibility: labels.visibility[to] }),
        );
      }}
    >
      <Text>
        {t('opportunities.visibilityDialog.lead', {
          current: labels.visibility[props.referral.visibility],
        })}
      </Text>
      <VisibilityChoice
        value={to}
        onChange={setTo}
        helpKind={helpKind}
        onHelpKind={setHelpKind}
        choices={choices}
        error={problem?.fields.to}
        helpError={problem?.fields.helpKind}
      />
    </FormDialog>
  );
}

function InviteDialog(props: DialogProps & { defaultTeam?: ReferralMember[] }) {
  const { t } = useTranslation();
  const { referral, options } = props;
  const { problem, setProblem, finish } = useSubmit(props);
  const [partner, setPartner] = useState('');
  const [close, setClose] = useState(dateInputValue(referral.details.closingDateTime));
  const [value, setValue] = useState(String(referral.details.dealValue));
  const [currency, setCurrency] = useState(referral.details.currency);
  const [notes, setNotes] = useState('');
  const [team, setTeam] = useState<ReferralMember[]>(referral.team);
  const [solutions, setSolutions] = useState<string[]>([]);
  const partners = options?.partners ?? [];
  // The invitee's solutions: its own co-sell-ready offers when the options list them.
  const partnerSolutions = (options?.solutions ?? []).filter((s) => s.organizationId === partner);
  const solutionChoices =
    partnerSolutions.length > 0 ? partnerSolutions : (options?.solutions ?? []);
  const fields = problem?.fields ?? {};
  const partnerName = partners.find((p) => p.id === partner)?.name ?? '';
  return (
    <FormDialog
      values={{ partner, close, value, currency, notes, team, solutions }}
      wide
      title={t('opportunities.invite.title')}
      submitLabel={t('opportunities.action.invite')}
      problem={problem}
      shownFields={['organizationId', 'closingDateTime', 'dealValue', 'currency', 'solutions']}
      onClose={props.onClose}
      onSubmit={async () => {
        const closingDateTime = isoOfDateInput(close);
        const dealValue = Number(value);
        const members = filledMembers(team);
        const errors: Record<string, string> = {};
        if (!partner) errors.organizationId = t('opportunities.error.choose');
        if (!closingDateTime) errors.closingDateTime = t('opportunities.error.date');
        if (!value.trim() || !Number.isFinite(dealValue) || dealValue < 0)
          errors.dealValue = t('opportunities.error.value');
        if (!/^[A-Z]{3}$/.test(currency)) errors.currency = t('opportunities.error.currency');
        if (members.length === 0) errors.team = t('opportunities.error.team');
        if (solutions.length === 0) errors.solutions = t('opportunities.error.solutions');
        if (Object.keys(errors).length > 0) {
          setProblem(localProblem(t('opportunities.error.fix'), errors));
          return;
        }
        await finish(
          invitePartner(props.organisationId, referral.id, referral.eTag, {
            organizationId: partner,
            closingDateTime: closingDateTime!,
            dealValue,
            currency,
            ...(notes.trim() ? { notes: notes.trim() } : {}),
            team: members,
            solutions: solutionChoices
              .filter((s) => solutions.includes(s.id))
              .map((s) => ({ id: s.id, name: s.name })),
          }),
          (data) => data.referral,
          t('opportunities.invited', { name: partnerName }),
        );
      }}
    >
      <Text>{t('opportunities.invite.lead')}</Text>
      <Field
        label={t('opportunities.field.partner')}
        required
        validationMessage={fields.organizationId}
      >
        <Dropdown
          placeholder={t('opportunities.invite.choosePartner')}
          value={partnerName}
          selectedOptions={partner ? [partner] : []}
          onOptionSelect={(_e, d) => {
            setPartner(d.optionValue ?? '');
            setSolutions([]);
          }}
        >
          {partners.map((p) => (
            <Option key={p.id} value={p.id}>
              {p.name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field
        label={t('opportunities.field.closeDate')}
        hint={t('opportunities.invite.closeHint')}
        required
        validationMessage={fields.closingDateTime}
      >
        <Input type="date" value={close} onChange={(_e, d) => setClose(d.value)} />
      </Field>
      <Field label={t('opportunities.field.value')} required validationMessage={fields.dealValue}>
        <Input type="number" min={0} value={value} onChange={(_e, d) => setValue(d.value)} />
      </Field>
      <CurrencyField
        value={currency}
        onChange={setCurrency}
        currencies={options?.currencies}
        error={fields.currency}
      />
      <Field label={t('opportunities.field.notesForPartner')}>
        <Textarea value={notes} onChange={(_e, d) => setNotes(d.value)} resize="vertical" />
      </Field>
      <TeamEditor
        label={t('opportunities.field.yourTeam')}
        members={team}
        onChange={setTeam}
        errors={fields}
        fieldPrefix="team"
        minimum={1}
      />
      {fields.team ? <Text role="alert">{fields.team}</Text> : null}
      <SolutionPicker
        label={t('opportunities.field.solutions')}
        hint={t('opportunities.invite.solutionsHint')}
        solutions={solutionChoices}
        selected={solutions}
        onChange={setSolutions}
        error={fields.solutions}
      />
    </FormDialog>
  );
}
