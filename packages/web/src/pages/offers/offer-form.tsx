import {
  Dropdown,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Switch,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { LifecycleState, MarketCode, OfferTypeId } from '../../api/client';
import { MultiPicker } from '../../components/multi-picker';
import { currentLocale } from '../../i18n/i18n';
import { sortedCountries } from './countries';
import { useVocabularyLabels } from './labels';
import { OFFER_LIMITS, updateOfferForm, type OfferFormValues } from './offer-form-state';
import { isCosellEligibleType, OFFER_TYPE_IDS } from './vocabulary';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(240px, 100%), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalM,
  },
  switches: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
  },
  indented: { paddingInlineStart: tokens.spacingHorizontalXXL },
  dropdown: { minWidth: 0, width: '100%' },
});

/** The first message of any field under `prefix` (`markets`, `markets.3`…). */
const fieldMessage = (fields: Record<string, string>, prefix: string) =>
  Object.entries(fields).find(([field]) => field === prefix || field.startsWith(`${prefix}.`))?.[1];

/** Every offer field a co-sell-minded publisher fills in, as in Partner Center's offer setup. */
export function OfferForm({
  values,
  onChange,
  errors,
  readOnly = false,
  withIds = false,
  lifecycleState,
}: {
  values: OfferFormValues;
  onChange: (values: OfferFormValues) => void;
  /** The server's field messages by field name. */
  errors: Record<string, string>;
  readOnly?: boolean;
  /** Gives the type, lifecycle, markets and transactable fields the ids checklists link to. */
  withIds?: boolean;
  /** The offer's marketplace status, shown read-only (publishing sets it); none for a new offer. */
  lifecycleState?: LifecycleState;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const locale = currentLocale();
  const countryOptions = useMemo(
    () =>
      sortedCountries(locale).map(({ code, name }) => ({
        value: code,
        label: name,
        keywords: code,
      })),
    [locale],
  );
  const set = (change: Partial<OfferFormValues>) => onChange(updateOfferForm(values, change));

  return (
    <div className={styles.form}>
      <div className={styles.pair}>
        <Field
          label={t('offerForm.name')}
          hint={t('offerForm.nameHint')}
          validationMessage={errors.name}
        >
          <Input
            required
            value={values.name}
            maxLength={OFFER_LIMITS.name}
            readOnly={readOnly}
            autoComplete="off"
            onChange={(_event, data) => set({ name: data.value })}
          />
        </Field>
        <Field
          label={t('offerForm.alias')}
          hint={t('offerForm.aliasHint')}
          validationMessage={errors.alias}
        >
          <Input
            required
            value={values.alias}
            maxLength={OFFER_LIMITS.alias}
            readOnly={readOnly}
            autoComplete="off"
            onChange={(_event, data) => set({ alias: data.value })}
          />
        </Field>
      </div>
      <div className={styles.pair}>
        <Field
          label={
            withIds
              ? { children: t('offerForm.offerType'), htmlFor: 'offer-type' }
              : t('offerForm.offerType')
          }
          validationMessage={errors.offerType}
        >
          <Dropdown
            id={withIds ? 'offer-type' : undefined}
            aria-required
            className={styles.dropdown}
            disabled={readOnly}
            placeholder={t('offerForm.offerTypePlaceholder')}
            value={values.offerType ? labels.offerType[values.offerType] : ''}
            selectedOptions={values.offerType ? [values.offerType] : []}
            onOptionSelect={(_event, data) =>
              data.optionValue && set({ offerType: data.optionValue as OfferTypeId })
            }
          >
            {OFFER_TYPE_IDS.map((type) => (
              <Option key={type} value={type}>
                {labels.offerType[type]}
              </Option>
            ))}
          </Dropdown>
        </Field>
        {lifecycleState ? (
          <Field
            label={
              withIds
                ? { children: t('offerForm.lifecycleState'), htmlFor: 'offer-lifecycle' }
                : t('offerForm.lifecycleState')
            }
            hint={`${t('offerForm.lifecycleHint')} ${t('offer.lifecycleSetByPublishing')}`}
          >
            <Input
              id={withIds ? 'offer-lifecycle' : undefined}
              appearance="filled-darker"
              readOnly
              value={labels.lifecycle[lifecycleState]}
            />
          </Field>
        ) : null}
      </div>
      {values.offerType && !isCosellEligibleType(values.offerType) ? (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('offerForm.officeAddInTitle')}</MessageBarTitle>
            {t('offerForm.officeAddInBody')}
          </MessageBarBody>
        </MessageBar>
      ) : null}
      <Field
        label={t('offerForm.summary')}
        hint={t('offerForm.summaryHint', { maximum: OFFER_LIMITS.summary })}
        validationMessage={errors.summary}
      >
        <Input
          value={values.summary}
          maxLength={OFFER_LIMITS.summary}
          readOnly={readOnly}
          onChange={(_event, data) => set({ summary: data.value })}
        />
      </Field>
      <Field label={t('offerForm.description')} validationMessage={errors.description}>
        <Textarea
          value={values.description}
          maxLength={OFFER_LIMITS.description}
          readOnly={readOnly}
          resize="vertical"
          rows={4}
          onChange={(_event, data) => set({ description: data.value })}
        />
      </Field>
      <MultiPicker
        id={withIds ? 'offer-markets' : undefined}
        label={t('offerForm.markets')}
        hint={t('offerForm.marketsHint', { count: values.markets.length })}
        validationMessage={fieldMessage(errors, 'markets')}
        options={countryOptions}
        value={values.markets}
        onChange={(markets) => set({ markets: markets as MarketCode[] })}
        selectAllLabel={t('offerForm.allMarkets', { count: countryOptions.length })}
        placeholder={t('offerForm.marketsPlaceholder')}
        readOnly={readOnly}
      />
      <div className={styles.switches} role="group" aria-label={t('offerForm.commerce')}>
        <Switch
          // Spread, not `id={undefined}`: an explicit undefined would unhook the label.
          {...(withIds ? { id: 'offer-transactable' } : {})}
          label={t('offerForm.transactable')}
          checked={values.transactable}
          disabled={readOnly}
          onChange={(_event, data) => set({ transactable: data.checked })}
        />
        {values.transactable ? (
          <Switch
            className={styles.indented}
            {...(withIds ? { id: 'offer-priced-above-zero' } : {})}
            label={t('offerForm.pricedAboveZero')}
            checked={values.pricedAboveZero}
            disabled={readOnly}
            onChange={(_event, data) => set({ pricedAboveZero: data.checked })}
          />
        ) : null}
        <Switch
          label={t('offerForm.cspOptIn')}
          checked={values.cspOptIn}
          disabled={readOnly}
          onChange={(_event, data) => set({ cspOptIn: data.checked })}
        />
      </div>
    </div>
  );
}
