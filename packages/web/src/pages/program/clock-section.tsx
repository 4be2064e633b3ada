import { Button, Field, Input, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ClockRegular } from '@fluentui/react-icons';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem } from '../../api/client';
import type { components } from '../../api/schema';
import { formatDateTime } from '../../components/format';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';
import { currentLocale } from '../../i18n/i18n';

type Clock = components['schemas']['Clock'];

const useStyles = makeStyles({
  now: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  form: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-end',
    gap: tokens.spacingHorizontalM,
  },
  days: { width: '120px' },
});

/**
 * Program admins, only when the server runs with clock control: the server's time, and a
 * button that moves it forward (due scheduled work such as the badge sweep runs at once).
 * Renders nothing when the clock cannot be moved.
 */
export function ClockSection({ onAdvanced }: { onAdvanced?: () => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const [clock, setClock] = useState<Clock | null>(null);
  const [days, setDays] = useState('30');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  useEffect(() => {
    let cancelled = false;
    void call(api.GET('/api/system/clock')).then((result) => {
      if (!cancelled && result.ok) setClock(result.data);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  if (!clock?.controllable) return null;

  const amount = Number(days);
  const valid = days.trim() !== '' && Number.isFinite(amount) && amount > 0 && amount <= 3650;
  const number = (value: number) =>
    new Intl.NumberFormat(currentLocale(), { maximumFractionDigits: 2 }).format(value);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setBusy(true);
    setProblem(null);
    const result = await call(api.POST('/api/system/clock', { body: { advanceDays: amount } }));
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setClock(result.data);
    notify(t('clock.advanced', { now: formatDateTime(result.data.now) }));
    onAdvanced?.();
  };

  return (
    <Section title={t('clock.title')} description={t('clock.description')} testId="clock-section">
      <ProblemBar problem={problem} shownFields={['advanceDays']} />
      <Text className={styles.now} data-testid="clock-now">
        <ClockRegular aria-hidden />
        {t('clock.now', { now: formatDateTime(clock.now), days: number(clock.offsetDays) })}
      </Text>
      <form className={styles.form} onSubmit={submit} noValidate>
        <Field
          label={t('clock.days')}
          validationMessage={
            problem?.fields.advanceDays ??
            (valid || days === '' ? undefined : t('clock.daysInvalid'))
          }
        >
          <Input
            className={styles.days}
            type="number"
            min={1}
            max={3650}
            step={1}
            value={days}
            data-testid="clock-days"
            onChange={(_event, data) => setDays(data.value)}
          />
        </Field>
        <Button
          appearance="primary"
          type="submit"
          disabled={busy || !valid}
          data-testid="clock-advance"
        >
          {t('clock.advance', { days: valid ? number(amount) : '…' })}
        </Button>
      </form>
    </Section>
  );
}
