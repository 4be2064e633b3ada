/**
 * New deal, one step at a time, each step saying what its choice means: the customer, the deal's
 * values, who works on it, the solutions, and who sees it / what help is asked. A vendor's
 * seller uses the same page to send a co-sell opportunity to a partner: the partner's
 * co-sell-ready solution first, then the customer and the deal.
 */
import {
  Body1,
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Option,
  Radio,
  RadioGroup,
  Spinner,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { ArrowLeftRegular, ArrowRightRegular, CheckmarkRegular } from '@fluentui/react-icons';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { ClientProblem } from '../../api/client';
import { formatDate } from '../../components/format';
import { PageHeader } from '../../components/page-header';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';
import { useDocumentTitle } from '../../components/use-document-title';
import { currentLocale } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';
import { countryName, sortedCountries } from '../offers/countries';
import { newIdempotencyKey } from '../offers/idempotency';
import { VisibilityChoice } from './action-dialogs';
import { createReferral, getReferralOptions, type ReferralOptions } from './api';
import { formatMoney, isoOfDateInput } from './format';
import { CurrencyField, memberFromUser, SolutionPicker, TeamEditor } from './form-parts';
import {
  CUSTOMER_SIZES,
  MARKETPLACE_INTENTS,
  useReferralLabels,
  type MarketplaceIntent,
} from './labels';
import {
  emptyDraft,
  firstIncompleteStep,
  stepErrors,
  stepsFor,
  toCreateBody,
  type DraftError,
  type NewDealDraft,
  type NewDealMode,
  type StepId,
} from './new-deal-draft';

const useStyles = makeStyles({
  steps: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalS,
    listStyle: 'none',
    padding: 0,
    margin: `0 0 ${tokens.spacingVerticalL}`,
    counterReset: 'step',
  },
  step: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusCircular,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    color: tokens.colorNeutralForeground2,
  },
  current: {
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorBrandBackground}`,
  },
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(220px, 1fr))',
    gap: tokens.spacingHorizontalM,
    alignItems: 'start',
  },
  picker: { minWidth: '0', width: '100%' },
  pickerInput: { minWidth: '0', width: '100%' },
  wide: { gridColumn: '1 / -1' },
  nav: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  review: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    gap: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  definition: { margin: 0, overflowWrap: 'anywhere' },
});

export default function NewDealPage() {
  const { t } = useTranslation();
  const { active, session } = useSignedIn();
  const [options, setOptions] = useState<ReferralOptions | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const organisationId = active?.organisation.id ?? '';
  const mode: NewDealMode = active?.organisation.kind === 'vendor' ? 'send' : 'deal';
  useDocumentTitle(mode === 'send' ? t('opportunities.sendCosell') : t('opportunities.newDeal'));

  useEffect(() => {
    if (!organisationId) return;
    let cancelled = false;
    void getReferralOptions(organisationId).then((result) => {
      if (cancelled) return;
      if (result.ok) setOptions(result.data);
      else setProblem(result.problem);
    });
    return () => {
      cancelled = true;
    };
  }, [organisationId]);

  if (!active) return null;
  const title = mode === 'send' ? t('opportunities.sendCosell') : t('opportunities.newDeal');
  if (!options) {
    return (
      <>
        <PageHeader title={title} />
        {problem ? <ProblemBar problem={problem} /> : <Spinner label={t('common.loading')} />}
      </>
    );
  }
  if (!options.canCreate || active.organisation.kind === 'reseller') {
    return (
      <>
        <PageHeader title={title} />
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {t('opportunities.cannotCreate', {
              reason: options.reason?.message ?? t('opportunities.cannotCreateDefault'),
            })}
          </MessageBarBody>
        </MessageBar>
      </>
    );
  }
  return (
    <NewDealForm
      organisationId={organisationId}
      mode={mode}
      options={options}
      title={title}
      me={memberFromUser(session.user.name, session.user.email)}
    />
  );
}

function NewDealForm({
  organisationId,
  mode,
  options,
  title,
  me,
}: {
  organisationId: string;
  mode: NewDealMode;
  options: ReferralOptions;
  title: string;
  me: ReturnType<typeof memberFromUser>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useReferralLabels();
  const navigate = useNavigate();
  const notify = useNotify();
  const locale = currentLocale();
  const countries = useMemo(() => sortedCountries(locale), [locale]);
  const steps = stepsFor(mode);
  const [draft, setDraft] = useState<NewDealDraft>(() => ({
    ...emptyDraft([me]),
    currency: options.currencies?.[0] ?? 'USD',
  }));
  const [step, setStep] = useState<StepId>(steps[0]!);
  const [shownErrors, setShownErrors] = useState<Record<string, DraftError>>({});
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const idempotencyKey = useRef(newIdempotencyKey());
  const headingRef = useRef<HTMLHeadingElement>(null);
  const index = steps.indexOf(step);
  const set = (change: Partial<NewDealDraft>) => setDraft((d) => ({ ...d, ...change }));
  const errorText: Record<DraftError, string> = {
    required: t('opportunities.error.required'),
    country: t('opportunities.error.country'),
    email: t('opportunities.error.email'),
    consent: t('opportunities.error.consent'),
    value: t('opportunities.error.value'),
    currency: t('opportunities.error.currency'),
    date: t('opportunities.error.date'),
    team: t('opportunities.error.team'),
    solutions: t('opportunities.error.solutions'),
    choose: t('opportunities.error.choose'),
  };
  const err = (field: string) => {
    const reason = shownErrors[field];
    return reason ? errorText[reason] : undefined;
  };
  const translatedErrors = Object.fromEntries(
    Object.entries(shownErrors).map(([field, reason]) => [field, errorText[reason]]),
  );

  const go = (next: StepId) => {
    setShownErrors({});
    setStep(next);
    // Move focus to the new step's heading, so keyboard and screen reader users start there.
    requestAnimationFrame(() => headingRef.current?.focus());
  };
  const forward = () => {
    const errors = stepErrors(draft, step);
    if (Object.keys(errors).length > 0) {
      setShownErrors(errors);
      return;
    }
    go(steps[index + 1]!);
  };

  const create = async () => {
    const incomplete = firstIncompleteStep(draft, mode);
    if (incomplete) {
      go(incomplete);
      setShownErrors(stepErrors(draft, incomplete));
      return;
    }
    setBusy(true);
    const result = await createReferral(
      organisationId,
      toCreateBody(draft, mode, options.solutions),
      idempotencyKey.current,
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    notify(
      mode === 'send'
        ? t('opportunities.sent', { name: result.data.name })
        : t('opportunities.created', { name: result.data.name }),
    );
    void navigate(`/opportunities/${result.data.id}`, { replace: true });
  };

  const stepTitle: Record<StepId, string> = {
    solution: t('opportunities.step.solution'),
    customer: t('opportunities.step.customer'),
    details: t('opportunities.step.details'),
    team: t('opportunities.step.team'),
    solutions: t('opportunities.step.solutions'),
    help: t('opportunities.step.help'),
    review: t('opportunities.step.review'),
  };
  const stepHint: Record<StepId, string> = {
    solution: t('opportunities.stepHint.solution'),
    customer: t('opportunities.stepHint.customer'),
    details: t('opportunities.stepHint.details'),
    team: mode === 'send' ? t('opportunities.stepHint.teamSend') : t('opportunities.stepHint.team'),
    solutions: t('opportunities.stepHint.solutions'),
    help: t('opportunities.stepHint.help'),
    review:
      mode === 'send' ? t('opportunities.stepHint.reviewSend') : t('opportunities.stepHint.review'),
  };
  const chosen = options.solutions.filter((s) => draft.solutions.includes(s.id));

  return (
    <>
      <PageHeader
        title={title}
        description={mode === 'send' ? t('opportunities.sendLead') : t('opportunities.newDealLead')}
      />
      <nav aria-label={t('opportunities.stepsLabel')}>
        <ol className={styles.steps}>
          {steps.map((s, i) => (
            <li
              key={s}
              className={mergeClasses(styles.step, s === step && styles.current)}
              aria-current={s === step ? 'step' : undefined}
            >
              {t('opportunities.stepNumber', { number: i + 1, title: stepTitle[s] })}
            </li>
          ))}
        </ol>
      </nav>
      <ProblemBar problem={problem} />
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (step === 'review') void create();
          else forward();
        }}
      >
        <Section title={stepTitle[step]} description={stepHint[step]}>
          <h3 id="new-deal-step" ref={headingRef} tabIndex={-1} className="visually-hidden">
            {stepTitle[step]}
          </h3>
          {step === 'solution' || step === 'solutions' ? (
            <SolutionPicker
              label={t('opportunities.field.solutions')}
              hint={
                step === 'solution'
                  ? t('opportunities.solutionSendHint')
                  : t('opportunities.solutionsHint')
              }
              solutions={options.solutions}
              selected={draft.solutions}
              single={step === 'solution'}
              onChange={(solutions) => set({ solutions })}
              error={err('solutions')}
            />
          ) : null}
          {step === 'customer' ? (
            <div className={styles.grid}>
              <Field
                label={t('opportunities.field.customerName')}
                required
                validationMessage={err('customerName')}
              >
                <Input
                  value={draft.customerName}
                  onChange={(_e, d) => set({ customerName: d.value })}
                />
              </Field>
              <Field
                label={t('opportunities.field.country')}
                hint={t('opportunities.countryHint')}
                required
                validationMessage={err('country')}
              >
                <Combobox
                  className={styles.picker}
                  input={{ className: styles.pickerInput }}
                  defaultValue={draft.country ? countryName(draft.country, locale) : ''}
                  selectedOptions={draft.country ? [draft.country] : []}
                  onOptionSelect={(_e, d) => set({ country: d.optionValue ?? '' })}
                >
                  {countries.map((c) => (
                    <Option key={c.code} value={c.code} text={c.name}>
                      {c.name}
                    </Option>
                  ))}
                </Combobox>
              </Field>
              <Field label={t('opportunities.field.addressLine1')}>
                <Input
                  value={draft.addressLine1}
                  onChange={(_e, d) => set({ addressLine1: d.value })}
                />
              </Field>
              <Field label={t('opportunities.field.city')}>
                <Input value={draft.city} onChange={(_e, d) => set({ city: d.value })} />
              </Field>
              <Field label={t('opportunities.field.postalCode')}>
                <Input
                  value={draft.postalCode}
                  onChange={(_e, d) => set({ postalCode: d.value })}
                />
              </Field>
              <Field label={t('opportunities.field.size')}>
                <Dropdown
                  placeholder={t('opportunities.filter.any')}
                  value={
                    draft.size ? labels.size[draft.size as (typeof CUSTOMER_SIZES)[number]] : ''
                  }
                  selectedOptions={draft.size ? [draft.size] : []}
                  onOptionSelect={(_e, d) => set({ size: d.optionValue ?? '' })}
                >
                  {CUSTOMER_SIZES.map((size) => (
                    <Option key={size} value={size}>
                      {labels.size[size]}
                    </Option>
                  ))}
                </Dropdown>
              </Field>
              <div className={styles.wide}>
                <TeamEditor
                  label={t('opportunities.field.customerContacts')}
                  members={draft.contacts}
                  onChange={(contacts) => set({ contacts })}
                  errors={translatedErrors}
                  fieldPrefix="contacts"
                />
                <Text size={200}>{t('opportunities.contactsHint')}</Text>
              </div>
              {draft.contacts.length > 0 ? (
                <Field className={styles.wide} validationMessage={err('consent')}>
                  <Checkbox
                    checked={draft.consent}
                    onChange={(_e, d) => set({ consent: d.checked === true })}
                    label={t('opportunities.field.consent')}
                  />
                </Field>
              ) : null}
            </div>
          ) : null}
          {step === 'details' ? (
            <div className={styles.grid}>
              <Field
                label={t('opportunities.field.name')}
                hint={t('opportunities.nameHint')}
                required
                validationMessage={err('name')}
              >
                <Input value={draft.name} onChange={(_e, d) => set({ name: d.value })} />
              </Field>
              <Field
                label={t('opportunities.field.value')}
                required
                validationMessage={err('dealValue')}
              >
                <Input
                  type="number"
                  min={0}
                  value={draft.dealValue}
                  onChange={(_e, d) => set({ dealValue: d.value })}
                />
              </Field>
              <CurrencyField
                value={draft.currency}
                onChange={(currency) => set({ currency })}
                currencies={options.currencies}
                error={err('currency')}
              />
              <Field
                label={t('opportunities.field.closeDate')}
                required
                validationMessage={err('closeDate')}
              >
                <Input
                  type="date"
                  value={draft.closeDate}
                  onChange={(_e, d) => set({ closeDate: d.value })}
                />
              </Field>
              <Field
                label={t('opportunities.field.crmId')}
                hint={t('opportunities.field.crmIdHint')}
              >
                <Input value={draft.crmId} onChange={(_e, d) => set({ crmId: d.value })} />
              </Field>
              <Field
                className={styles.wide}
                label={t('opportunities.field.notes')}
                hint={t('opportunities.notesHint')}
                required
                validationMessage={err('notes')}
              >
                <Textarea
                  value={draft.notes}
                  resize="vertical"
                  onChange={(_e, d) => set({ notes: d.value })}
                />
              </Field>
              {mode === 'deal' ? (
                <Field
                  className={styles.wide}
                  label={t('opportunities.field.intent')}
                  hint={t('opportunities.intentHint')}
                >
                  <RadioGroup
                    value={draft.intent}
                    onChange={(_e, d) => set({ intent: d.value as MarketplaceIntent })}
                  >
                    {MARKETPLACE_INTENTS.map((intent) => (
                      <Radio key={intent} value={intent} label={labels.intent[intent]} />
                    ))}
                  </RadioGroup>
                </Field>
              ) : null}
            </div>
          ) : null}
          {step === 'team' ? (
            <>
              <TeamEditor
                label={t('opportunities.section.team')}
                members={draft.team}
                onChange={(team) => set({ team })}
                errors={translatedErrors}
                fieldPrefix="team"
                minimum={1}
              />
              {err('team') ? <Text role="alert">{err('team')}</Text> : null}
            </>
          ) : null}
          {step === 'help' ? (
            <VisibilityChoice
              value={draft.visibility}
              onChange={(visibility) => set({ visibility })}
              helpKind={draft.helpKind}
              onHelpKind={(helpKind) => set({ helpKind })}
              choices={['private', 'partner-led', 'co-sell']}
              error={err('visibility')}
              helpError={err('helpKind')}
            />
          ) : null}
          {step === 'review' ? (
            <dl className={styles.review}>
              {mode === 'send' ? (
                <>
                  <dt className={styles.term}>{t('opportunities.field.partner')}</dt>
                  <dd className={styles.definition}>{chosen[0]?.organizationName ?? '—'}</dd>
                </>
              ) : null}
              <dt className={styles.term}>{t('opportunities.field.customerName')}</dt>
              <dd className={styles.definition}>
                {draft.customerName} · {draft.country ? countryName(draft.country, locale) : ''}
              </dd>
              <dt className={styles.term}>{t('opportunities.field.name')}</dt>
              <dd className={styles.definition}>{draft.name}</dd>
              <dt className={styles.term}>{t('opportunities.col.value')}</dt>
              <dd className={styles.definition}>
                {draft.dealValue
                  ? formatMoney(Number(draft.dealValue), draft.currency, locale)
                  : '—'}
              </dd>
              <dt className={styles.term}>{t('opportunities.col.closeDate')}</dt>
              <dd className={styles.definition}>
                {isoOfDateInput(draft.closeDate)
                  ? formatDate(isoOfDateInput(draft.closeDate)!)
                  : '—'}
              </dd>
              <dt className={styles.term}>{t('opportunities.field.solutions')}</dt>
              <dd className={styles.definition}>{chosen.map((s) => s.name).join(', ') || '—'}</dd>
              <dt className={styles.term}>{t('opportunities.section.team')}</dt>
              <dd className={styles.definition}>
                {draft.team
                  .map((m) => `${m.firstName} ${m.lastName}`.trim())
                  .filter(Boolean)
                  .join(', ')}
              </dd>
              <dt className={styles.term}>{t('opportunities.field.visibility')}</dt>
              <dd className={styles.definition}>
                {mode === 'send'
                  ? labels.visibility['co-sell']
                  : draft.visibility
                    ? labels.visibility[draft.visibility]
                    : '—'}
                {draft.visibility === 'co-sell' && draft.helpKind
                  ? ` — ${labels.helpKind[draft.helpKind]}`
                  : ''}
              </dd>
            </dl>
          ) : null}
          <div className={styles.nav}>
            {index > 0 ? (
              <Button icon={<ArrowLeftRegular />} onClick={() => go(steps[index - 1]!)}>
                {t('opportunities.back')}
              </Button>
            ) : (
              <Button onClick={() => void navigate('/opportunities')}>{t('common.cancel')}</Button>
            )}
            {step === 'review' ? (
              <Button
                appearance="primary"
                type="submit"
                icon={<CheckmarkRegular />}
                disabled={busy}
              >
                {mode === 'send' ? t('opportunities.sendSubmit') : t('opportunities.createSubmit')}
              </Button>
            ) : (
              <Button
                appearance="primary"
                type="submit"
                icon={<ArrowRightRegular />}
                iconPosition="after"
              >
                {t('opportunities.next')}
              </Button>
            )}
          </div>
          {step === 'review' ? <Body1>{t('opportunities.reviewNote')}</Body1> : null}
        </Section>
      </form>
    </>
  );
}
