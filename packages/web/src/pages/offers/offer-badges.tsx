import { Badge } from '@fluentui/react-components';
import {
  CheckmarkCircleRegular,
  CircleHalfFillRegular,
  CircleRegular,
} from '@fluentui/react-icons';
import type { LifecycleState, SectionState } from '../../api/client';
import { useVocabularyLabels } from './labels';

const LIFECYCLE_COLOURS = {
  draft: 'informative',
  preview: 'warning',
  live: 'success',
  'stop-sold': 'danger',
} as const satisfies Record<LifecycleState, string>;

/** Where the offer stands in the marketplace: Draft, Preview, Live, Stop sold. */
export function LifecycleBadge({ state }: { state: LifecycleState }) {
  const labels = useVocabularyLabels();
  return (
    <Badge appearance="tint" color={LIFECYCLE_COLOURS[state]} style={{ whiteSpace: 'nowrap' }}>
      {labels.lifecycle[state]}
    </Badge>
  );
}

/** A co-sell section's state, as Partner Center shows it: Not started, Incomplete, Complete. */
export function SectionStateBadge({ state }: { state: SectionState }) {
  const labels = useVocabularyLabels();
  const icon =
    state === 'complete' ? (
      <CheckmarkCircleRegular />
    ) : state === 'incomplete' ? (
      <CircleHalfFillRegular />
    ) : (
      <CircleRegular />
    );
  return (
    <Badge
      appearance={state === 'complete' ? 'filled' : 'tint'}
      color={state === 'complete' ? 'success' : state === 'incomplete' ? 'warning' : 'informative'}
      icon={icon}
      style={{ whiteSpace: 'nowrap' }}
    >
      {labels.sectionState[state]}
    </Badge>
  );
}
