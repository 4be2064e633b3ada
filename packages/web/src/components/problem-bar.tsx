import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { ClientProblem } from '../api/client';

/**
 * Shows a problem from the server (already in the user's language): its title, its detail, and
 * the field messages no field on screen displays (`shownFields` lists those that are).
 */
export function ProblemBar({
  problem,
  shownFields = [],
  intent = 'error',
  actions,
}: {
  problem: ClientProblem | null;
  shownFields?: readonly string[];
  intent?: 'error' | 'warning';
  actions?: ReactNode;
}) {
  if (!problem) return null;
  const leftover = Object.entries(problem.fields).filter(([field]) => !shownFields.includes(field));
  return (
    <MessageBar intent={intent} layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{problem.title}</MessageBarTitle>
        {problem.detail && problem.detail !== problem.title ? ` ${problem.detail}` : null}
        {leftover.length > 0 ? (
          <ul style={{ margin: 0, paddingInlineStart: '1.25em' }}>
            {leftover.map(([field, message]) => (
              <li key={field}>{message}</li>
            ))}
          </ul>
        ) : null}
      </MessageBarBody>
      {actions ? <MessageBarActions>{actions}</MessageBarActions> : null}
    </MessageBar>
  );
}
