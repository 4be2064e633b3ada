import { Badge, makeStyles, type BadgeProps } from '@fluentui/react-components';
import type { Referral } from '@cosell/core';
import { useReferralLabels } from './labels';

const COLOR: Record<Referral['substatus'], BadgeProps['color']> = {
  None: 'subtle',
  Pending: 'warning',
  Received: 'important',
  Accepted: 'brand',
  Won: 'success',
  Lost: 'danger',
  Declined: 'subtle',
  Expired: 'subtle',
  Error: 'danger',
};

const useStyles = makeStyles({
  // Longer words (Polish, Swedish) wrap inside the badge instead of spilling out of it.
  badge: { height: 'auto', minHeight: '20px', whiteSpace: 'normal', textAlign: 'center' },
});

/** "New · Received", "Active · Accepted", "Closed · Won": the status with its substatus. */
export function StatusBadge({ referral }: { referral: Pick<Referral, 'status' | 'substatus'> }) {
  const labels = useReferralLabels();
  const styles = useStyles();
  return (
    <Badge className={styles.badge} appearance="tint" color={COLOR[referral.substatus]}>
      {labels.status[referral.status]} · {labels.substatus[referral.substatus]}
    </Badge>
  );
}
