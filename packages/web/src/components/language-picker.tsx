import {
  Button,
  Menu,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tooltip,
  type MenuProps,
} from '@fluentui/react-components';
import { LocalLanguageRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { LOCALE_NATIVE_NAMES, LOCALES, isLocale, type Locale } from '../domain/tenant';
import { currentLocale } from '../i18n/i18n';

export interface LanguagePickerProps {
  onChange: (locale: Locale) => void;
  /** Icon only (narrow headers); the language's name stays in the accessible name. */
  compact?: boolean;
  className?: string;
  appearance?: 'subtle' | 'transparent';
}

/** Language menu: each language named in itself; the choice is applied by `onChange`. */
export function LanguagePicker({
  onChange,
  compact,
  className,
  appearance = 'subtle',
}: LanguagePickerProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const nativeName = LOCALE_NATIVE_NAMES[locale];
  const onCheckedValueChange: MenuProps['onCheckedValueChange'] = (_event, data) => {
    const next = data.checkedItems[0];
    if (isLocale(next) && next !== locale) onChange(next);
  };
  const button = (
    <Button
      data-testid="language-picker"
      appearance={appearance}
      className={className}
      icon={<LocalLanguageRegular />}
      aria-label={`${t('language.label')}: ${nativeName}`}
    >
      {compact ? undefined : nativeName}
    </Button>
  );
  return (
    <Menu checkedValues={{ locale: [locale] }} onCheckedValueChange={onCheckedValueChange}>
      <MenuTrigger disableButtonEnhancement>
        {compact ? (
          <Tooltip content={nativeName} relationship="description">
            {button}
          </Tooltip>
        ) : (
          button
        )}
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {LOCALES.map((value) => (
            <MenuItemRadio
              key={value}
              name="locale"
              value={value}
              lang={value}
              data-testid={`language-${value}`}
            >
              {LOCALE_NATIVE_NAMES[value]}
            </MenuItemRadio>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
