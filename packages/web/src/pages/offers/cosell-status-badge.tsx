import { Badge } from '@fluentui/react-components';
import { CheckmarkCircleFilled } from '@fluentui/react-icons';
import type { CosellStatusId } from './publish-types';

/** The status as a prominent badge with its name (the policy era's name). */
export function CosellStatusBadge({
  status,
  name,
  size = 'extra-large',
  testId = 'status-badge',
}: {
  status: CosellStatusId;
  name: string;
  size?: 'medium' | 'large' | 'extra-large';
  testId?: string;
}) {
  const ready = status !== 'not-cosell-ready';
  return (
    <Badge
      size={size}
      appearance={ready ? 'filled' : 'tint'}
      color={
        status === 'not-cosell-ready'
          ? 'informative'
          : status === 'cosell-ready'
            ? 'success'
            : 'brand'
      }
      icon={ready ? <CheckmarkCircleFilled /> : undefined}
      data-testid={testId}
      data-status={status}
      style={{ whiteSpace: size === 'extra-large' ? 'nowrap' : 'normal', height: 'auto' }}
    >
      {name}
    </Badge>
  );
}
