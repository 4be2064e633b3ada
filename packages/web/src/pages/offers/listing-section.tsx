import {
  Button,
  Caption1,
  Dropdown,
  Field,
  makeStyles,
  Option,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CosellTab, SectionState, SolutionTypeId, Taxonomy } from '../../api/client';
import { MultiPicker } from '../../components/multi-picker';
import { Section } from '../../components/section';
import type { Draft, DraftAction } from './cosell-draft';
import { useVocabularyLabels } from './labels';
import { SectionStateBadge } from './offer-badges';
import { SOLUTION_TYPE_IDS } from './vocabulary';

const useStyles = makeStyles({
  fields: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, minWidth: 0 },
  pair: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(260px, 100%), 1fr))',
    alignItems: 'start',
    gap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalL,
  },
  radios: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(220px, 100%), 1fr))',
    columnGap: tokens.spacingHorizontalL,
  },
  option: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  optionHint: {
    color: tokens.colorNeutralForeground3,
    paddingInlineStart: '32px',
    marginTop: '-6px',
    marginBottom: tokens.spacingVerticalXS,
  },
  areas: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, minWidth: 0 },
  areasHead: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  heading: { margin: 0 },
  hint: { color: tokens.colorNeutralForeground3 },
  area: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1.4fr) auto',
    alignItems: 'start',
    gap: tokens.spacingHorizontalM,
    '@media (max-width: 900px)': { gridTemplateColumns: 'minmax(0, 1fr) auto' },
  },
  subAreas: { '@media (max-width: 900px)': { gridColumn: '1 / 2', gridRow: '2' } },
  remove: { marginTop: '26px' },
  error: { color: tokens.colorPaletteRedForeground1 },
  empty: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: 0, width: '100%' },
});

/**
 * The listing: Microsoft platforms, segments (policies that have them), solution type and the
 * solution areas with their sub-areas ("sales plays" from 2023), within the policy's limits.
 */
export function ListingSection({
  draft,
  onEdit,
  taxonomy,
  policy,
  state,
  errors,
  readOnly,
}: {
  draft: Draft;
  onEdit: (action: DraftAction) => void;
  taxonomy: Taxonomy;
  policy: CosellTab['policy'];
  state: SectionState;
  /** Server messages placed by `placeDraftErrors`. */
  errors: Record<string, string>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = useVocabularyLabels();
  const typeHintId = useId();
  const areasHeadingId = useId();
  const salesPlays = policy.subAreaTerm === 'sales play';
  const max = policy.maxSolutionAreas;

  const platformOptions = useMemo(
    () => taxonomy.platforms.map((p) => ({ value: p.id, label: p.name })),
    [taxonomy],
  );
  const segmentOptions = useMemo(
    () => taxonomy.segments.map((s) => ({ value: s.id, label: s.name })),
    [taxonomy],
  );
  const areaById = useMemo(
    () => new Map(taxonomy.solutionAreas.map((area) => [area.id, area])),
    [taxonomy],
  );

  return (
    <Section
      title={t('listing.title')}
      description={t('listing.description')}
      actions={<SectionStateBadge state={state} />}
      testId="listing-section"
    >
      <div className={styles.fields}>
        <div className={styles.pair}>
          <MultiPicker
            id="listing-platforms"
            label={t('listing.platforms')}
            hint={t('listing.platformsHint')}
            required
            options={platformOptions}
            value={draft.platforms}
            onChange={(value) => onEdit({ type: 'platforms', value })}
            validationMessage={errors.platforms}
            placeholder={t('listing.choose')}
            readOnly={readOnly}
          />
          {policy.segmentsField ? (
            <MultiPicker
              id="listing-segments"
              label={t('listing.segments')}
              hint={t('listing.segmentsHint')}
              required
              options={segmentOptions}
              value={draft.segments}
              onChange={(value) => onEdit({ type: 'segments', value })}
              validationMessage={errors.segments}
              placeholder={t('listing.choose')}
              readOnly={readOnly}
            />
          ) : null}
        </div>

        <Field
          label={{ children: t('listing.solutionType'), id: typeHintId }}
          validationMessage={errors.solutionType}
        >
          <RadioGroup
            id="listing-solution-type"
            aria-required
            aria-labelledby={typeHintId}
            className={styles.radios}
            value={draft.solutionType ?? ''}
            disabled={readOnly}
            onChange={(_event, data) =>
              onEdit({ type: 'solutionType', value: data.value as SolutionTypeId })
            }
          >
            {SOLUTION_TYPE_IDS.map((type) => (
              <div key={type} className={styles.option}>
                <Radio
                  value={type}
                  label={labels.solutionType[type]}
                  aria-describedby={`${typeHintId}-${type}`}
                />
                <Caption1 id={`${typeHintId}-${type}`} className={styles.optionHint}>
                  {labels.solutionTypeHint[type]}
                </Caption1>
              </div>
            ))}
          </RadioGroup>
        </Field>

        <div
          id="listing-solution-areas"
          className={styles.areas}
          role="group"
          aria-labelledby={areasHeadingId}
        >
          <div className={styles.areasHead}>
            <Subtitle2 as="h3" id={areasHeadingId} className={styles.heading}>
              {t('listing.solutionAreas')}
            </Subtitle2>
            <Caption1 className={styles.hint}>
              {salesPlays
                ? t('listing.solutionAreasHintSalesPlays', {
                    max,
                    subMax: policy.maxSubAreasPerArea,
                  })
                : t('listing.solutionAreasHint', { max, subMax: policy.maxSubAreasPerArea })}
            </Caption1>
          </div>
          {draft.solutionAreas.length === 0 ? (
            <Text className={styles.empty}>{t('listing.noAreas')}</Text>
          ) : null}
          {draft.solutionAreas.map((area, index) => {
            const chosen = areaById.get(area.areaId);
            const taken = new Set(
              draft.solutionAreas.filter((a) => a.key !== area.key).map((a) => a.areaId),
            );
            const number = index + 1;
            const subLabel = salesPlays
              ? t('listing.salesPlaysOf', { index: number })
              : t('listing.subAreasOf', { index: number });
            return (
              <div key={area.key} className={styles.area}>
                <Field
                  label={t('listing.solutionAreaN', { index: number })}
                  validationMessage={errors[`area:${area.key}`]}
                >
                  <Dropdown
                    className={styles.dropdown}
                    aria-required
                    disabled={readOnly}
                    placeholder={t('listing.chooseArea')}
                    value={chosen?.name ?? area.areaId}
                    selectedOptions={area.areaId ? [area.areaId] : []}
                    onOptionSelect={(_event, data) =>
                      data.optionValue &&
                      onEdit({ type: 'area', key: area.key, areaId: data.optionValue })
                    }
                  >
                    {taxonomy.solutionAreas
                      .filter((option) => !taken.has(option.id))
                      .map((option) => (
                        <Option key={option.id} value={option.id}>
                          {option.name}
                        </Option>
                      ))}
                  </Dropdown>
                </Field>
                <div className={styles.subAreas}>
                  {chosen ? (
                    <MultiPicker
                      label={subLabel}
                      hint={
                        salesPlays
                          ? t('listing.salesPlaysHint', { max: policy.maxSubAreasPerArea })
                          : t('listing.subAreasHint', { max: policy.maxSubAreasPerArea })
                      }
                      required
                      options={chosen.subAreas.map((sub) => ({ value: sub.id, label: sub.name }))}
                      value={area.subAreaIds}
                      max={policy.maxSubAreasPerArea}
                      onChange={(value) => onEdit({ type: 'subAreas', key: area.key, value })}
                      validationMessage={errors[`subAreas:${area.key}`]}
                      placeholder={t('listing.choose')}
                      readOnly={readOnly}
                    />
                  ) : (
                    <Field label={subLabel}>
                      <Text className={styles.empty}>{t('listing.pickAreaFirst')}</Text>
                    </Field>
                  )}
                </div>
                {readOnly ? null : (
                  <Button
                    className={styles.remove}
                    appearance="subtle"
                    icon={<DeleteRegular />}
                    aria-label={t('listing.removeArea', { index: number })}
                    title={t('listing.removeArea', { index: number })}
                    onClick={() => onEdit({ type: 'removeArea', key: area.key })}
                  />
                )}
              </div>
            );
          })}
          {errors.solutionAreas ? (
            <Text role="alert" size={200} className={styles.error}>
              {errors.solutionAreas}
            </Text>
          ) : null}
          {readOnly ? null : (
            <div>
              <Button
                icon={<AddRegular />}
                disabled={draft.solutionAreas.length >= max}
                onClick={() => onEdit({ type: 'addArea' })}
              >
                {t('listing.addArea', { max })}
              </Button>
            </div>
          )}
        </div>
      </div>
    </Section>
  );
}
