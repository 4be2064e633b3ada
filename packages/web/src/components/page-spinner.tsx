import { Spinner } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';

/** Shown while a page's code or first data loads. */
export function PageSpinner() {
  const { t } = useTranslation();
  return (
    <Spinner style={{ margin: '48px auto' }} label={t('common.loading')} labelPosition="below" />
  );
}
