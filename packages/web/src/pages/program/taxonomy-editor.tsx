import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AddRegular, DeleteRegular } from '@fluentui/react-icons';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { newItem, newKey, type Draft, type DraftArea, type DraftItem } from './taxonomy-draft';

const useStyles = makeStyles({
  groups: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(280px, 100%), 1fr))',
    gap: tokens.spacingHorizontalXL,
  },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: 0 },
  groupHeading: { margin: 0 },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  row: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalXS },
  field: { flexGrow: 1, minWidth: 0 },
  id: { color: tokens.colorNeutralForeground3, fontFamily: tokens.fontFamilyMonospace },
  areas: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(300px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
  },
  area: {
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    minWidth: 0,
  },
  subAreas: {
    listStyle: 'none',
    margin: 0,
    paddingInlineStart: tokens.spacingHorizontalL,
    borderInlineStartWidth: tokens.strokeWidthThick,
    borderInlineStartStyle: 'solid',
    borderInlineStartColor: tokens.colorNeutralStroke2,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  error: { color: tokens.colorPaletteRedForeground1 },
  empty: { color: tokens.colorNeutralForeground3 },
});

type ListName = 'platforms' | 'segments';

/**
 * Edits platforms, segments and solution areas with their sub-areas. `errors` holds the
 * server's field messages by path (`platforms.2.name`, `solutionAreas.0.subAreas`…).
 */
export function TaxonomyEditor({
  draft,
  onChange,
  errors,
  readOnly,
}: {
  draft: Draft;
  onChange: (draft: Draft, structural: boolean) => void;
  errors: Record<string, string>;
  readOnly: boolean;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const errorAt = (path: string) => errors[`${path}.name`] ?? errors[`${path}.id`];

  const setList = (list: ListName, items: DraftItem[], structural = false) =>
    onChange({ ...draft, [list]: items }, structural);
  const setAreas = (areas: DraftArea[], structural = false) =>
    onChange({ ...draft, solutionAreas: areas }, structural);

  const itemRow = (
    item: DraftItem,
    path: string,
    label: string,
    removeLabel: string,
    rename: (name: string) => void,
    remove: () => void,
  ): ReactNode => (
    <li key={item.key} className={styles.row}>
      <Field
        className={styles.field}
        validationMessage={errorAt(path)}
        hint={item.id ? <span className={styles.id}>{item.id}</span> : t('taxonomy.newId')}
      >
        <Input
          value={item.name}
          aria-label={label}
          readOnly={readOnly}
          onChange={(_event, data) => rename(data.value)}
        />
      </Field>
      {readOnly ? null : (
        <Button
          appearance="subtle"
          icon={<DeleteRegular />}
          aria-label={removeLabel}
          title={removeLabel}
          onClick={remove}
        />
      )}
    </li>
  );

  const simpleList = (list: ListName, heading: string, itemLabel: string, addLabel: string) => {
    const items = draft[list];
    return (
      <div className={styles.group} role="group" aria-label={heading}>
        <Subtitle2 as="h3" className={styles.groupHeading}>
          {heading}
        </Subtitle2>
        {items.length === 0 ? (
          <Text className={styles.empty}>{t('taxonomy.emptyList')}</Text>
        ) : null}
        <ul className={styles.list}>
          {items.map((item, index) =>
            itemRow(
              item,
              `${list}.${index}`,
              `${itemLabel} ${index + 1}`,
              t('taxonomy.removeItem', { name: item.name || `${itemLabel} ${index + 1}` }),
              (name) =>
                setList(
                  list,
                  items.map((i) => (i.key === item.key ? { ...i, name } : i)),
                ),
              () =>
                setList(
                  list,
                  items.filter((i) => i.key !== item.key),
                  true,
                ),
            ),
          )}
        </ul>
        {readOnly ? null : (
          <div>
            <Button
              icon={<AddRegular />}
              onClick={() => setList(list, [...items, newItem()], true)}
            >
              {addLabel}
            </Button>
          </div>
        )}
      </div>
    );
  };

  const areas = draft.solutionAreas;
  const updateArea = (key: string, change: (area: DraftArea) => DraftArea, structural = false) =>
    setAreas(
      areas.map((a) => (a.key === key ? change(a) : a)),
      structural,
    );

  return (
    <>
      <div className={styles.groups}>
        {simpleList(
          'platforms',
          t('taxonomy.platforms'),
          t('taxonomy.platform'),
          t('taxonomy.addPlatform'),
        )}
        {simpleList(
          'segments',
          t('taxonomy.segments'),
          t('taxonomy.segment'),
          t('taxonomy.addSegment'),
        )}
      </div>
      <div className={styles.group} role="group" aria-label={t('taxonomy.solutionAreas')}>
        <Subtitle2 as="h3" className={styles.groupHeading}>
          {t('taxonomy.solutionAreas')}
        </Subtitle2>
        {areas.length === 0 ? (
          <Text className={styles.empty}>{t('taxonomy.emptyList')}</Text>
        ) : null}
        <div className={styles.areas}>
          {areas.map((area, a) => {
            const areaLabel = `${t('taxonomy.solutionArea')} ${a + 1}`;
            const subError = errors[`solutionAreas.${a}.subAreas`];
            return (
              <div
                key={area.key}
                className={styles.area}
                role="group"
                aria-label={area.name || areaLabel}
              >
                <ul className={styles.list}>
                  {itemRow(
                    area,
                    `solutionAreas.${a}`,
                    areaLabel,
                    t('taxonomy.removeItem', { name: area.name || areaLabel }),
                    (name) => updateArea(area.key, (x) => ({ ...x, name })),
                    () =>
                      setAreas(
                        areas.filter((x) => x.key !== area.key),
                        true,
                      ),
                  )}
                </ul>
                <Caption1>{t('taxonomy.subAreas')}</Caption1>
                <ul className={styles.subAreas}>
                  {area.subAreas.map((sub, s) =>
                    itemRow(
                      sub,
                      `solutionAreas.${a}.subAreas.${s}`,
                      t('taxonomy.subAreaOf', { index: s + 1, area: area.name || areaLabel }),
                      t('taxonomy.removeItem', {
                        name: sub.name || `${t('taxonomy.subArea')} ${s + 1}`,
                      }),
                      (name) =>
                        updateArea(area.key, (x) => ({
                          ...x,
                          subAreas: x.subAreas.map((y) => (y.key === sub.key ? { ...y, name } : y)),
                        })),
                      () =>
                        updateArea(
                          area.key,
                          (x) => ({ ...x, subAreas: x.subAreas.filter((y) => y.key !== sub.key) }),
                          true,
                        ),
                    ),
                  )}
                </ul>
                {subError ? (
                  <Text size={200} role="alert" className={styles.error}>
                    {subError}
                  </Text>
                ) : null}
                {readOnly ? null : (
                  <div>
                    <Button
                      size="small"
                      icon={<AddRegular />}
                      onClick={() =>
                        updateArea(
                          area.key,
                          (x) => ({ ...x, subAreas: [...x.subAreas, newItem()] }),
                          true,
                        )
                      }
                    >
                      {t('taxonomy.addSubArea')}
                    </Button>
                  </div>
                )}
              </div>
            );
          })}
        </div>
        {readOnly ? null : (
          <div>
            <Button
              icon={<AddRegular />}
              onClick={() =>
                setAreas(
                  [...areas, { key: newKey(), id: '', name: '', subAreas: [newItem()] }],
                  true,
                )
              }
            >
              {t('taxonomy.addSolutionArea')}
            </Button>
          </div>
        )}
      </div>
    </>
  );
}
