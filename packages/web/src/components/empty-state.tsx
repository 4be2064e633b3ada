import { Body1, makeStyles, Subtitle1, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    textAlign: 'center',
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXXL} ${tokens.spacingHorizontalL}`,
    border: `${tokens.strokeWidthThin} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  icon: { fontSize: '48px', color: tokens.colorBrandForeground1, display: 'flex' },
  heading: { margin: 0 },
  body: { color: tokens.colorNeutralForeground2, maxWidth: '60ch', textAlign: 'center' },
  actions: { marginTop: tokens.spacingVerticalS, display: 'flex', gap: tokens.spacingHorizontalS },
});

/** What an empty area is for and, when there is one, the action that fills it. */
export function EmptyState({
  icon,
  title,
  children,
  actions,
  headingLevel = 'h2',
}: {
  icon?: ReactNode;
  title: string;
  children?: ReactNode;
  actions?: ReactNode;
  headingLevel?: 'h2' | 'h3';
}) {
  const styles = useStyles();
  return (
    <section className={styles.root} aria-label={title}>
      {icon ? (
        <span className={styles.icon} aria-hidden>
          {icon}
        </span>
      ) : null}
      <Subtitle1 as={headingLevel} className={styles.heading}>
        {title}
      </Subtitle1>
      {children ? <Body1 className={styles.body}>{children}</Body1> : null}
      {actions ? <div className={styles.actions}>{actions}</div> : null}
    </section>
  );
}
