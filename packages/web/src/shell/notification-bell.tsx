import {
  Button,
  CounterBadge,
  Link,
  makeStyles,
  mergeClasses,
  Popover,
  PopoverSurface,
  PopoverTrigger,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from '@fluentui/react-components';
import { AlertRegular } from '@fluentui/react-icons';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, call, type ClientProblem } from '../api/client';
import type { components } from '../api/schema';
import { formatDateTime } from '../components/format';
import { ProblemBar } from '../components/problem-bar';
import { currentLocale } from '../i18n/i18n';
import { useSignedIn } from '../session/session-context';
import { useHeaderStyles } from './header-styles';

type Notification = components['schemas']['Notification'];

/** How often the unread count is refreshed while the page is visible. */
const POLL_MS = 30_000;
/** How many of the newest notifications the panel lists. */
const SHOWN = 20;

const useStyles = makeStyles({
  anchor: { position: 'relative', display: 'inline-flex' },
  badge: {
    position: 'absolute',
    top: '2px',
    insetInlineEnd: '0px',
    pointerEvents: 'none',
  },
  surface: {
    width: 'min(380px, calc(100vw - 16px))',
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    maxHeight: 'min(560px, calc(100vh - 64px))',
  },
  head: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  list: { listStyle: 'none', margin: 0, padding: 0, overflowY: 'auto', flexGrow: 1 },
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: '2px',
    width: '100%',
    textAlign: 'start',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: 'none',
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
    backgroundColor: 'transparent',
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover },
    ':focus-visible': {
      outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`,
      outlineOffset: '-2px',
    },
  },
  unread: {
    fontWeight: tokens.fontWeightSemibold,
    backgroundColor: tokens.colorBrandBackground2,
    ':hover': { backgroundColor: tokens.colorBrandBackground2Hover },
  },
  text: { color: tokens.colorNeutralForeground2, fontWeight: tokens.fontWeightRegular },
  time: { color: tokens.colorNeutralForeground3, fontWeight: tokens.fontWeightRegular },
  empty: { padding: tokens.spacingHorizontalM, color: tokens.colorNeutralForeground3 },
  foot: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  padded: { padding: tokens.spacingHorizontalM },
});

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
];

/** "5 minutes ago" for the last week; a date and time before that (or ahead, as a moved clock can be). */
function when(iso: string): string {
  const age = Date.now() - new Date(iso).getTime();
  if (!Number.isFinite(age) || age < -60_000 || age > 7 * 86_400_000) return formatDateTime(iso);
  const format = new Intl.RelativeTimeFormat(currentLocale(), { numeric: 'auto' });
  for (const [unit, ms] of UNITS) if (age >= ms) return format.format(-Math.floor(age / ms), unit);
  return format.format(0, 'minute');
}

/**
 * The bell in the signed-in header: the unread count (refreshed every 30 s while the page is
 * visible) and a panel with the newest notifications. Opening one marks it read and goes to
 * its offer or deal (switching to its organisation first when needed).
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const styles = useStyles();
  const header = useHeaderStyles();
  const navigate = useNavigate();
  const { session, switchOrganisation } = useSignedIn();
  const [unread, setUnread] = useState(0);
  const [open, setOpen] = useState(false);
  const [items, setItems] = useState<Notification[] | null>(null);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  const refreshCount = useCallback(async () => {
    const result = await call(
      api.GET('/api/notifications', { params: { query: { unread: 'true', limit: 1 } } }),
    );
    if (result.ok) setUnread(result.data.unread);
  }, []);

  useEffect(() => {
    const poll = () => {
      if (!document.hidden) void refreshCount();
    };
    poll();
    const timer = window.setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', poll);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [refreshCount]);

  useEffect(() => {
    if (!open) return;
    let cancelled = false;
    void call(api.GET('/api/notifications', { params: { query: { limit: SHOWN } } })).then(
      (result) => {
        if (cancelled) return;
        if (!result.ok) {
          setProblem(result.problem);
          return;
        }
        setProblem(null);
        setItems(result.data.items);
        setUnread(result.data.unread);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [open]);

  const markRead = async (ids: string[] | 'all') => {
    const result = await call(api.POST('/api/notifications/read', { body: { ids } }));
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    const now = new Date().toISOString();
    setItems((list) =>
      list
        ? list.map((n) =>
            ids === 'all' || ids.includes(n.id) ? { ...n, readAt: n.readAt ?? now } : n,
          )
        : list,
    );
    void refreshCount();
  };

  const openNotification = async (notification: Notification) => {
    if (!notification.readAt) void markRead([notification.id]);
    const membership = session.memberships.find(
      (m) => m.organisation.id === notification.organisationId,
    );
    // Offers belong to partners; deals to every organisation that works co-sell opportunities.
    const reachable = notification.path?.startsWith('/opportunities/')
      ? membership !== undefined
      : membership?.organisation.kind === 'partner';
    if (!notification.path || !reachable) return;
    setOpen(false);
    if (session.activeOrganisationId !== notification.organisationId) {
      const switched = await switchOrganisation(notification.organisationId);
      if (!switched.ok) return;
    }
    await navigate(notification.path);
  };

  const label =
    unread > 0 ? t('notifications.bellUnread', { count: unread }) : t('notifications.title');

  return (
    // The count sits over the button, outside the trigger: a trigger must hold one control.
    <span className={styles.anchor}>
      <Popover
        open={open}
        onOpenChange={(_event, data) => setOpen(data.open)}
        positioning="below-end"
        trapFocus
      >
        <PopoverTrigger disableButtonEnhancement>
          <Button
            appearance="transparent"
            className={header.button}
            icon={<AlertRegular />}
            aria-label={label}
            aria-expanded={open}
            data-testid="notifications-bell"
          />
        </PopoverTrigger>
        <PopoverSurface className={styles.surface} aria-label={t('notifications.title')}>
          <div className={styles.head}>
            <Subtitle2 as="h2" className={styles.heading}>
              {t('notifications.title')}
            </Subtitle2>
            <Button
              appearance="subtle"
              size="small"
              disabled={unread === 0}
              onClick={() => void markRead('all')}
              data-testid="notifications-mark-all"
            >
              {t('notifications.markAllRead')}
            </Button>
          </div>
          {problem ? (
            <div className={styles.padded}>
              <ProblemBar problem={problem} />
            </div>
          ) : null}
          {items === null ? (
            problem ? null : (
              <Spinner size="small" className={styles.padded} label={t('common.loading')} />
            )
          ) : items.length === 0 ? (
            <Text className={styles.empty}>{t('notifications.empty')}</Text>
          ) : (
            <ul className={styles.list}>
              {items.map((notification) => (
                <li key={notification.id}>
                  <button
                    type="button"
                    className={mergeClasses(styles.item, !notification.readAt && styles.unread)}
                    data-testid="notification-item"
                    data-unread={notification.readAt ? 'false' : 'true'}
                    onClick={() => void openNotification(notification)}
                  >
                    {notification.readAt ? null : (
                      <span className="visually-hidden">{t('notifications.unread')}</span>
                    )}
                    <span>{notification.subject}</span>
                    <span className={styles.text}>{notification.text}</span>
                    <time className={styles.time} dateTime={notification.createdAt}>
                      {when(notification.createdAt)}
                    </time>
                  </button>
                </li>
              ))}
            </ul>
          )}
          <div className={styles.foot}>
            <Link
              href="/settings?section=notifications"
              onClick={(event) => {
                event.preventDefault();
                setOpen(false);
                void navigate('/settings?section=notifications');
              }}
            >
              {t('notifications.settings')}
            </Link>
          </div>
        </PopoverSurface>
      </Popover>
      {unread > 0 ? (
        <CounterBadge
          className={styles.badge}
          count={unread}
          overflowCount={99}
          size="small"
          color="danger"
          aria-hidden
          data-testid="notifications-unread"
        />
      ) : null}
    </span>
  );
}
