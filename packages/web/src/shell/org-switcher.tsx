import {
  Button,
  makeStyles,
  Menu,
  MenuGroup,
  MenuGroupHeader,
  MenuItemRadio,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Text,
  tokens,
  type MenuProps,
} from '@fluentui/react-components';
import { BuildingRegular, ChevronDownRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useKindLabel } from '../components/roles';
import { useNotify } from '../components/toast';
import { homePath } from '../domain/navigation';
import { useSignedIn } from '../session/session-context';
import { useHeaderStyles } from './header-styles';

const useStyles = makeStyles({
  button: { maxWidth: '320px', justifyContent: 'flex-start' },
  narrow: { maxWidth: '150px' },
  name: { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
  kind: { whiteSpace: 'nowrap' },
  item: { display: 'flex', flexDirection: 'column' },
  itemKind: { color: tokens.colorNeutralForeground3 },
});

/** Shows the active organisation and switches to another one the user belongs to. */
export function OrgSwitcher({ narrow }: { narrow: boolean }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const header = useHeaderStyles();
  const kindLabel = useKindLabel();
  const notify = useNotify();
  const navigate = useNavigate();
  const { session, active, switchOrganisation } = useSignedIn();

  const onCheckedValueChange: MenuProps['onCheckedValueChange'] = async (_event, data) => {
    const id = data.checkedItems[0];
    if (!id || id === session.activeOrganisationId) return;
    const result = await switchOrganisation(id);
    if (!result.ok) {
      notify(result.problem.title, 'error');
      return;
    }
    const membership = result.data.memberships.find((m) => m.organisation.id === id);
    if (membership) await navigate(homePath(membership.organisation.kind, membership.roles));
  };

  const label = active
    ? `${t('orgSwitcher.label')}: ${active.organisation.name} (${kindLabel(active.organisation.kind)})`
    : t('orgSwitcher.label');

  return (
    <Menu
      checkedValues={{
        organisation: session.activeOrganisationId ? [session.activeOrganisationId] : [],
      }}
      onCheckedValueChange={onCheckedValueChange}
    >
      <MenuTrigger disableButtonEnhancement>
        <Button
          data-testid="org-switcher"
          appearance="transparent"
          aria-label={label}
          className={`${header.button} ${styles.button} ${narrow ? styles.narrow : ''}`}
          icon={<BuildingRegular />}
          iconPosition="before"
        >
          <span className={styles.name}>{active?.organisation.name ?? t('orgSwitcher.none')}</span>
          {active && !narrow ? (
            <Text size={200} className={styles.kind}>
              &nbsp;· {kindLabel(active.organisation.kind)}
            </Text>
          ) : null}
          <ChevronDownRegular aria-hidden style={{ marginInlineStart: 4, flexShrink: 0 }} />
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>{t('orgSwitcher.heading')}</MenuGroupHeader>
            {session.memberships.map((membership) => (
              <MenuItemRadio
                key={membership.organisation.id}
                name="organisation"
                value={membership.organisation.id}
                secondaryContent={kindLabel(membership.organisation.kind)}
              >
                {membership.organisation.name}
              </MenuItemRadio>
            ))}
          </MenuGroup>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
