import { Button } from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EmptyState } from '../components/empty-state';
import { useDocumentTitle } from '../components/use-document-title';

/** An address inside the app that names no page. */
export default function NotFoundPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  useDocumentTitle(t('notFound.title'));
  return (
    <EmptyState
      headingLevel="h2"
      title={t('notFound.title')}
      actions={
        <Button appearance="primary" onClick={() => void navigate('/')}>
          {t('common.goHome')}
        </Button>
      }
    >
      {t('notFound.body')}
    </EmptyState>
  );
}
