import {
  Button,
  Field,
  makeStyles,
  Tag,
  TagGroup,
  TagPicker,
  TagPickerControl,
  TagPickerGroup,
  TagPickerInput,
  TagPickerList,
  TagPickerOption,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { keepsListOpenOn } from './picker-open';

const useStyles = makeStyles({
  field: { minWidth: 0 },
  control: { minWidth: 0 },
  readOnly: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  empty: { color: tokens.colorNeutralForeground3 },
  more: { alignSelf: 'center' },
  selectAll: { fontWeight: tokens.fontWeightSemibold },
});

export interface PickerOption {
  value: string;
  label: string;
  /** Extra words to match the search against (e.g. a country code). */
  keywords?: string;
}

/** Value of the "Select all" entry at the top of the list (never a real value). */
const ALL = '\u0000all';
const NONE = '\u0000none';
/** Beyond this many chosen values, the rest are summarised until "Show all". */
const COLLAPSE_AFTER = 12;

const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

/**
 * A labelled multi-select with search: the chosen values as removable tags, the rest in a
 * filtered list. Optional "Select all", a maximum, and a read-only form (plain tags) for users
 * who may not edit. `id` goes on the text input (checklist links focus it).
 */
export function MultiPicker({
  id,
  label,
  hint,
  required,
  validationMessage,
  options,
  value,
  onChange,
  max,
  selectAllLabel,
  readOnly,
  placeholder,
}: {
  id?: string;
  label: string;
  hint?: string | undefined;
  required?: boolean;
  validationMessage?: string | undefined;
  options: readonly PickerOption[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  max?: number;
  /** Shown first in the list; picks every option (or clears them all when all are chosen). */
  selectAllLabel?: string;
  readOnly?: boolean;
  placeholder?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [query, setQuery] = useState('');
  const [expanded, setExpanded] = useState(false);
  // Controlled, so that picking one value leaves the list open for the next (see keepsListOpen).
  const [open, setOpen] = useState(false);
  const byValue = useMemo(() => new Map(options.map((o) => [o.value, o])), [options]);
  const labelOf = (v: string) => byValue.get(v)?.label ?? v;
  const full = max !== undefined && value.length >= max;

  const available = useMemo(() => {
    const needle = fold(query.trim());
    return options.filter(
      (o) =>
        !value.includes(o.value) &&
        (!needle || fold(`${o.label} ${o.keywords ?? ''}`).includes(needle)),
    );
  }, [options, value, query]);

  const shown = expanded || value.length <= COLLAPSE_AFTER ? value : value.slice(0, COLLAPSE_AFTER);
  const hidden = value.length - shown.length;
  const moreButton =
    value.length > COLLAPSE_AFTER ? (
      <Button
        size="small"
        appearance="transparent"
        className={styles.more}
        onClick={() => setExpanded((x) => !x)}
      >
        {expanded ? t('picker.showFewer') : t('picker.showAll', { count: value.length })}
      </Button>
    ) : null;

  if (readOnly) {
    return (
      <Field id={id} className={styles.field} label={label} hint={hint}>
        {value.length === 0 ? (
          <Text className={styles.empty}>{t('picker.noneChosen')}</Text>
        ) : (
          <div className={styles.readOnly}>
            <TagGroup aria-label={label} className={styles.readOnly}>
              {shown.map((v) => (
                <Tag key={v} value={v} shape="rounded" size="small" appearance="outline">
                  {labelOf(v)}
                </Tag>
              ))}
            </TagGroup>
            {hidden > 0 ? (
              <Text className={styles.more}>{t('picker.more', { count: hidden })}</Text>
            ) : null}
            {moreButton}
          </div>
        )}
      </Field>
    );
  }

  const allChosen = options.length > 0 && options.every((o) => value.includes(o.value));

  return (
    <Field
      className={styles.field}
      label={id ? { children: label, htmlFor: id } : label}
      hint={hint}
      validationMessage={validationMessage}
    >
      <TagPicker
        open={open}
        onOpenChange={(event, data) => {
          if (!data.open && keepsListOpenOn(event as unknown as Event)) return;
          setOpen(data.open);
        }}
        selectedOptions={[...value]}
        onOptionSelect={(_event, data) => {
          if (data.value === NONE) return;
          setQuery('');
          if (data.value === ALL) {
            onChange(allChosen ? [] : options.map((o) => o.value));
            return;
          }
          const next = data.selectedOptions.filter((v) => v !== ALL && v !== NONE);
          // Removing is always allowed; adding stops at the maximum.
          if (max !== undefined && next.length > max && next.length > value.length) return;
          onChange(next);
        }}
      >
        <TagPickerControl className={styles.control}>
          <TagPickerGroup aria-label={t('picker.chosen', { label })}>
            {shown.map((v) => (
              <Tag key={v} value={v} shape="rounded" size="small">
                {labelOf(v)}
              </Tag>
            ))}
          </TagPickerGroup>
          <TagPickerInput
            id={id}
            aria-required={required}
            value={query}
            placeholder={value.length === 0 ? placeholder : undefined}
            onChange={(event) => setQuery(event.target.value)}
          />
        </TagPickerControl>
        <TagPickerList>
          {selectAllLabel && !query.trim() ? (
            <TagPickerOption value={ALL} className={styles.selectAll}>
              {allChosen ? t('picker.clearAll') : selectAllLabel}
            </TagPickerOption>
          ) : null}
          {full ? (
            <TagPickerOption value={NONE}>
              {t('picker.maximumReached', { count: max })}
            </TagPickerOption>
          ) : available.length === 0 ? (
            <TagPickerOption value={NONE}>{t('picker.noMatches')}</TagPickerOption>
          ) : (
            available.map((o) => (
              <TagPickerOption key={o.value} value={o.value}>
                {o.label}
              </TagPickerOption>
            ))
          )}
        </TagPickerList>
      </TagPicker>
      {hidden > 0 || moreButton ? (
        <div className={styles.readOnly}>
          {hidden > 0 ? <Text size={200}>{t('picker.more', { count: hidden })}</Text> : null}
          {moreButton}
        </div>
      ) : null}
    </Field>
  );
}
