import { Button, Spinner } from '@fluentui/react-components';
import { ArrowClockwiseRegular } from '@fluentui/react-icons';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem } from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import type { FixTarget, OfferStatus } from './publish-types';
import { BenefitsPanel, StatusHistory, StatusSummary, StatusTiers } from './status-view';

/**
 * "Co-sell status": the status the offer holds, every status it could reach with what is
 * missing (each a link to where it is fixed), the benefits and the history.
 */
export function StatusTab({
  target,
  active,
  onGo,
}: {
  target: { organisationId: string; offerId: string };
  /** The tab is shown: it reads the status again. */
  active: boolean;
  onGo: (target: FixTarget) => void;
}) {
  const { t } = useTranslation();
  const [status, setStatus] = useState<OfferStatus | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [loads, setLoads] = useState(0);

  useEffect(() => {
    if (!active) return;
    let cancelled = false;
    void call(
      api.GET('/api/organisations/{organisationId}/offers/{offerId}/status', {
        params: { path: target },
      }),
    ).then((result) => {
      if (cancelled) return;
      if (result.ok) {
        setStatus(result.data);
        setProblem(null);
      } else {
        setProblem(result.problem);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [target, active, loads]);

  if (!status) {
    return problem ? <ProblemBar problem={problem} /> : <Spinner label={t('common.loading')} />;
  }
  return (
    <>
      <ProblemBar problem={problem} />
      <Section
        title={t('status.title')}
        actions={
          <Button
            appearance="subtle"
            icon={<ArrowClockwiseRegular />}
            onClick={() => setLoads((n) => n + 1)}
          >
            {t('publish.refresh')}
          </Button>
        }
      >
        <StatusSummary status={status} />
      </Section>
      <Section title={t('status.tiersTitle')} description={t('status.tiersDescription')}>
        <StatusTiers status={status} onGo={onGo} />
      </Section>
      <Section title={t('status.benefitsTitle')}>
        <BenefitsPanel status={status} onGo={onGo} />
      </Section>
      <Section title={t('status.historyTitle')}>
        <StatusHistory status={status} />
      </Section>
    </>
  );
}
