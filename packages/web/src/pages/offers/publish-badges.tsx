import { Badge } from '@fluentui/react-components';
import {
  ArrowSyncRegular,
  CheckmarkCircleFilled,
  DismissCircleRegular,
  EditRegular,
  EyeRegular,
  WarningRegular,
} from '@fluentui/react-icons';
import type { ReactElement } from 'react';
import { usePublishLabels } from './publish-labels';
import type { PublishStatus, SubmissionState } from './publish-types';

type BadgeLook = {
  appearance: 'filled' | 'tint' | 'outline';
  color:
    'brand' | 'danger' | 'important' | 'informative' | 'severe' | 'subtle' | 'success' | 'warning';
  icon: ReactElement;
};

const PUBLISH_STATUS_LOOK: Record<PublishStatus, BadgeLook> = {
  draft: { appearance: 'tint', color: 'informative', icon: <EditRegular /> },
  'publish-in-progress': { appearance: 'tint', color: 'brand', icon: <ArrowSyncRegular /> },
  'attention-needed': { appearance: 'filled', color: 'danger', icon: <WarningRegular /> },
  preview: { appearance: 'tint', color: 'warning', icon: <EyeRegular /> },
  live: { appearance: 'filled', color: 'success', icon: <CheckmarkCircleFilled /> },
};

/** Where publishing stands, as the offer list shows it: Draft, Publish in progress… Live. */
export function PublishStatusBadge({ status }: { status: PublishStatus }) {
  const labels = usePublishLabels();
  const look = PUBLISH_STATUS_LOOK[status];
  return (
    <Badge
      appearance={look.appearance}
      color={look.color}
      icon={look.icon}
      style={{ whiteSpace: 'nowrap' }}
      data-publish-status={status}
    >
      {labels.publishStatus[status]}
    </Badge>
  );
}

const STATE_LOOK: Record<SubmissionState, Pick<BadgeLook, 'appearance' | 'color'>> = {
  validating: { appearance: 'tint', color: 'brand' },
  'attention-needed': { appearance: 'filled', color: 'danger' },
  'in-review': { appearance: 'tint', color: 'brand' },
  rejected: { appearance: 'filled', color: 'danger' },
  approved: { appearance: 'tint', color: 'success' },
  preview: { appearance: 'tint', color: 'warning' },
  publishing: { appearance: 'tint', color: 'brand' },
  published: { appearance: 'filled', color: 'success' },
  cancelled: { appearance: 'outline', color: 'informative' },
};

/** A submission's state: Validating, In review, Rejected… */
export function SubmissionStateBadge({ state }: { state: SubmissionState }) {
  const labels = usePublishLabels();
  const look = STATE_LOOK[state];
  return (
    <Badge
      appearance={look.appearance}
      color={look.color}
      icon={
        state === 'rejected' || state === 'attention-needed' ? <DismissCircleRegular /> : undefined
      }
      style={{ whiteSpace: 'nowrap' }}
    >
      {labels.submissionState[state]}
    </Badge>
  );
}
