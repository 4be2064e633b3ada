import {
  Avatar,
  Button,
  makeStyles,
  Menu,
  MenuDivider,
  MenuGroup,
  MenuGroupHeader,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  tokens,
} from '@fluentui/react-components';
import { PersonRegular, SignOutRegular } from '@fluentui/react-icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useSignedIn } from '../session/session-context';
import { useHeaderStyles } from './header-styles';

const useStyles = makeStyles({
  who: { display: 'flex', flexDirection: 'column', lineHeight: tokens.lineHeightBase200 },
  email: { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
});

/** The signed-in user: account settings and sign-out. */
export function UserMenu() {
  const { t } = useTranslation();
  const styles = useStyles();
  const header = useHeaderStyles();
  const navigate = useNavigate();
  const { session, signOut } = useSignedIn();
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          data-testid="user-menu"
          appearance="transparent"
          className={header.button}
          aria-label={t('userMenu.label', { name: session.user.name })}
          icon={<Avatar name={session.user.name} size={28} color="colorful" aria-hidden />}
        />
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          <MenuGroup>
            <MenuGroupHeader>
              <span className={styles.who}>
                <span>{session.user.name}</span>
                <span className={styles.email}>{session.user.email}</span>
              </span>
            </MenuGroupHeader>
          </MenuGroup>
          <MenuDivider />
          <MenuItem
            data-testid="user-menu-account"
            icon={<PersonRegular />}
            onClick={() => void navigate('/account')}
          >
            {t('userMenu.account')}
          </MenuItem>
          <MenuItem data-testid="sign-out" icon={<SignOutRegular />} onClick={() => void signOut()}>
            {t('userMenu.signOut')}
          </MenuItem>
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}
