import { Button, Checkbox, makeStyles, Spinner, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem } from '../../api/client';
import type { components } from '../../api/schema';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';

type NotificationKind = components['schemas']['NotificationPreferences']['kinds'][number];

const KINDS = [
  'review.passed',
  'review.failed',
  'status.changed',
  'badge.granted',
  'referral.received',
  'referral.accepted',
  'referral.declined',
  'referral.expiring',
  'referral.expired',
  'referral.invited',
  'referral.closed',
] as const satisfies readonly NotificationKind[];

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
});

export function useNotificationKindLabels() {
  const { t } = useTranslation();
  return useMemo(
    () =>
      ({
        'review.passed': t('notifications.kind.reviewPassed'),
        'review.failed': t('notifications.kind.reviewFailed'),
        'status.changed': t('notifications.kind.statusChanged'),
        'badge.granted': t('notifications.kind.badgeGranted'),
        'referral.received': t('notifications.kind.referralReceived'),
        'referral.accepted': t('notifications.kind.referralAccepted'),
        'referral.declined': t('notifications.kind.referralDeclined'),
        'referral.expiring': t('notifications.kind.referralExpiring'),
        'referral.expired': t('notifications.kind.referralExpired'),
        'referral.invited': t('notifications.kind.referralInvited'),
        'referral.closed': t('notifications.kind.referralClosed'),
      }) satisfies Record<NotificationKind, string>,
    [t],
  );
}

/** Which notifications the signed-in person receives (checked = receive), in the app and by e-mail. */
export function NotificationsSection() {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  const labels = useNotificationKindLabels();
  const [muted, setMuted] = useState<NotificationKind[] | null>(null);
  const [draft, setDraft] = useState<NotificationKind[]>([]);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  useEffect(() => {
    let cancelled = false;
    void call(api.GET('/api/notifications/preferences')).then((result) => {
      if (cancelled) return;
      if (!result.ok) {
        setProblem(result.problem);
        return;
      }
      setMuted(result.data.muted);
      setDraft(result.data.muted);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const dirty = muted !== null && [...muted].sort().join() !== [...draft].sort().join();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.PUT('/api/notifications/preferences', { body: { muted: draft } }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setMuted(result.data.muted);
    setDraft(result.data.muted);
    notify(t('notifications.saved'));
  };

  return (
    <Section
      title={t('notifications.title')}
      description={t('notifications.description')}
      testId="notifications-section"
    >
      <ProblemBar problem={problem} />
      {muted ? (
        <form className={styles.form} onSubmit={submit} noValidate>
          {KINDS.map((kind) => (
            <Checkbox
              key={kind}
              label={labels[kind]}
              checked={!draft.includes(kind)}
              data-testid={`notification-kind-${kind}`}
              onChange={(_event, data) =>
                setDraft((current) =>
                  data.checked
                    ? current.filter((k) => k !== kind)
                    : [...current.filter((k) => k !== kind), kind],
                )
              }
            />
          ))}
          <div className={styles.actions}>
            <Button appearance="primary" type="submit" disabled={busy || !dirty}>
              {t('common.save')}
            </Button>
          </div>
        </form>
      ) : problem ? null : (
        <Spinner size="small" />
      )}
    </Section>
  );
}
