import {
  Hamburger,
  makeStyles,
  Nav,
  NavDrawer,
  NavDrawerBody,
  NavDrawerHeader,
  NavItem,
  Text,
  Toaster,
  tokens,
} from '@fluentui/react-components';
import { Suspense, useState, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useNavigate } from 'react-router';
import { Brand } from '../components/brand';
import { LanguagePicker } from '../components/language-picker';
import { PageSpinner } from '../components/page-spinner';
import { useKindLabel } from '../components/roles';
import { TOASTER_ID, useNotify } from '../components/toast';
import { NARROW_QUERY, useMediaQuery } from '../components/use-media-query';
import { useSignedIn } from '../session/session-context';
import { useHeaderStyles } from './header-styles';
import { navItemsFor } from './nav-items';
import { NotificationBell } from './notification-bell';
import { OrgSwitcher } from './org-switcher';
import { UserMenu } from './user-menu';

const HEADER_HEIGHT = '48px';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: '100vh' },
  skip: {
    position: 'absolute',
    left: '-10000px',
    top: 'auto',
    ':focus': {
      left: tokens.spacingHorizontalS,
      top: tokens.spacingVerticalS,
      zIndex: 1000,
      padding: tokens.spacingHorizontalS,
      backgroundColor: tokens.colorNeutralBackground1,
      color: tokens.colorBrandForeground1,
    },
  },
  header: {
    position: 'sticky',
    top: 0,
    zIndex: 10,
    height: HEADER_HEIGHT,
    flexShrink: 0,
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingInline: tokens.spacingHorizontalM,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
    '@media (max-width: 767px)': { paddingInline: tokens.spacingHorizontalXS, gap: '2px' },
  },
  brand: { marginInlineEnd: tokens.spacingHorizontalM },
  brandNarrow: { marginInlineEnd: 0 },
  spacer: { flexGrow: 1 },
  body: { display: 'flex', flexGrow: 1, minHeight: 0 },
  nav: {
    position: 'sticky',
    top: HEADER_HEIGHT,
    flexShrink: 0,
    width: '240px',
    height: `calc(100vh - ${HEADER_HEIGHT})`,
    overflowY: 'auto',
    backgroundColor: tokens.colorNeutralBackground4,
    borderRight: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  navList: { paddingBlock: tokens.spacingVerticalL, paddingInline: tokens.spacingHorizontalXS },
  drawerOrg: { display: 'flex', flexDirection: 'column', paddingInline: tokens.spacingHorizontalS },
  drawerKind: { color: tokens.colorNeutralForeground3 },
  main: {
    flexGrow: 1,
    minWidth: 0,
    backgroundColor: tokens.colorNeutralBackground2,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalXXL}`,
    outline: 'none',
    '@media (max-width: 767px)': {
      padding: `${tokens.spacingVerticalL} ${tokens.spacingHorizontalM}`,
    },
  },
  content: { maxWidth: '1200px', marginInline: 'auto' },
});

const isPlainClick = (event: MouseEvent) =>
  event.button === 0 && !event.metaKey && !event.ctrlKey && !event.shiftKey && !event.altKey;

/** The signed-in frame: header (organisation, language, user), navigation, and the page. */
export default function AppShell() {
  const { t } = useTranslation();
  const styles = useStyles();
  const header = useHeaderStyles();
  const kindLabel = useKindLabel();
  const notify = useNotify();
  const navigate = useNavigate();
  const location = useLocation();
  const narrow = useMediaQuery(NARROW_QUERY);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const { active, changeLocale } = useSignedIn();

  const items = active ? navItemsFor(active.organisation.kind, active.roles, t) : [];
  const selected = items.find((item) => location.pathname.startsWith(item.path))?.id ?? '';

  const onLocale = async (locale: Parameters<typeof changeLocale>[0]) => {
    const result = await changeLocale(locale);
    if (!result.ok) notify(result.problem.title, 'error');
  };

  const navItems = items.map((item) => (
    <NavItem
      key={item.id}
      value={item.id}
      href={item.path}
      icon={<item.icon />}
      data-testid={`nav-${item.id}`}
      onClick={(event) => {
        if (!isPlainClick(event)) return;
        event.preventDefault();
        setDrawerOpen(false);
        void navigate(item.path);
      }}
    >
      {item.label}
    </NavItem>
  ));

  // Wide screens: a plain side navigation (no drawer motion on every page load). Narrow
  // screens: the same items in an overlay drawer opened from the header's hamburger.
  const navigation = narrow ? (
    <NavDrawer
      aria-label={t('nav.label')}
      selectedValue={selected}
      type="overlay"
      open={drawerOpen}
      onOpenChange={(_event, data) => setDrawerOpen(data.open)}
    >
      <NavDrawerHeader>
        <Hamburger onClick={() => setDrawerOpen(false)} aria-label={t('nav.close')} />
        {active ? (
          <div className={styles.drawerOrg}>
            <Text weight="semibold">{active.organisation.name}</Text>
            <Text size={200} className={styles.drawerKind}>
              {kindLabel(active.organisation.kind)}
            </Text>
          </div>
        ) : null}
      </NavDrawerHeader>
      <NavDrawerBody>{navItems}</NavDrawerBody>
    </NavDrawer>
  ) : (
    <nav aria-label={t('nav.label')} className={styles.nav}>
      <Nav selectedValue={selected} className={styles.navList}>
        {navItems}
      </Nav>
    </nav>
  );

  return (
    <div className={styles.root}>
      <a href="#main" className={styles.skip}>
        {t('nav.skipToContent')}
      </a>
      <header className={styles.header}>
        {narrow ? (
          <Hamburger
            className={header.button}
            onClick={() => setDrawerOpen(true)}
            aria-label={t('nav.open')}
            aria-expanded={drawerOpen}
            data-testid="nav-toggle"
          />
        ) : null}
        <Brand onBrand markOnly={narrow} className={narrow ? styles.brandNarrow : styles.brand} />
        <OrgSwitcher narrow={narrow} />
        <span className={styles.spacer} />
        <LanguagePicker
          compact={narrow}
          appearance="transparent"
          className={header.button}
          onChange={(locale) => void onLocale(locale)}
        />
        <NotificationBell />
        <UserMenu />
      </header>
      <div className={styles.body}>
        {navigation}
        <main id="main" tabIndex={-1} className={styles.main}>
          <div className={styles.content}>
            <Suspense fallback={<PageSpinner />}>
              <Outlet />
            </Suspense>
          </div>
        </main>
      </div>
      <Toaster toasterId={TOASTER_ID} position="bottom-end" />
    </div>
  );
}
