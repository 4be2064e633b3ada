import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: {
    display: 'inline-flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase400,
    whiteSpace: 'nowrap',
  },
  mark: { width: '24px', height: '24px', flexShrink: 0 },
});

/** The product mark and name. `onBrand`: drawn on the brand-coloured header. */
export function Brand({
  onBrand = false,
  markOnly = false,
  className,
}: {
  onBrand?: boolean;
  /** Narrow headers: the mark alone (the name stays available to assistive technology). */
  markOnly?: boolean;
  className?: string;
}) {
  const styles = useStyles();
  return (
    <span className={className ? `${styles.root} ${className}` : styles.root}>
      <svg className={styles.mark} viewBox="0 0 32 32" aria-hidden focusable="false">
        <rect
          width="32"
          height="32"
          rx="6"
          fill={onBrand ? '#ffffff' : tokens.colorBrandBackground}
        />
        <path
          d="M9 11h9v4H9zm5 6h9v4h-9z"
          fill={onBrand ? tokens.colorBrandBackground : '#ffffff'}
        />
      </svg>
      {markOnly ? <span className="visually-hidden">cosell</span> : 'cosell'}
    </span>
  );
}
