import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type IssuedInvitation } from '../api/client';
import type { OrganisationKind, Role } from '../domain/tenant';
import { CopyField } from './copy-field';
import { hasChanges } from './discard-guard';
import { useDiscardGuard } from './discard-prompt';
import { ProblemBar } from './problem-bar';
import { RoleCheckboxes } from './roles';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

export interface InviteTarget {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/**
 * Invites someone into `organisation` by e-mail and roles. The server answers with the link,
 * which is shown exactly once (it is also e-mailed), with a Copy button.
 */
export function InviteDialog({
  organisation,
  open,
  defaultRoles,
  onClose,
  onInvited,
}: {
  organisation: InviteTarget;
  open: boolean;
  defaultRoles: Role[];
  onClose: () => void;
  onInvited?: (invitation: IssuedInvitation) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [email, setEmail] = useState('');
  const [roles, setRoles] = useState<Role[]>(defaultRoles);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [issued, setIssued] = useState<IssuedInvitation | null>(null);
  const formId = `invite-${organisation.id}`;

  const reset = () => {
    setEmail('');
    setRoles(defaultRoles);
    setProblem(null);
    setIssued(null);
  };
  const close = () => {
    reset();
    onClose();
  };

  const guard = useDiscardGuard(
    !issued && hasChanges({ email: '', roles: defaultRoles }, { email, roles }),
    close,
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/organisations/{organisationId}/invitations', {
        params: { path: { organisationId: organisation.id } },
        body: { email: email.trim(), roles },
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setIssued(result.data);
    onInvited?.(result.data);
  };

  return (
    <Dialog open={open} onOpenChange={guard.onOpenChange}>
      <DialogSurface aria-describedby={undefined}>
        {guard.prompt}
        <DialogBody>
          <DialogTitle>{t('invite.title', { organisation: organisation.name })}</DialogTitle>
          <DialogContent className={styles.form}>
            {issued ? (
              <>
                <MessageBar intent="success" layout="multiline">
                  <MessageBarBody data-testid="invitation-created">
                    {issued.emailed
                      ? t('invite.createdEmailed', { email: issued.email })
                      : t('invite.createdNotEmailed', { email: issued.email })}
                  </MessageBarBody>
                </MessageBar>
                <CopyField label={t('invite.link')} value={issued.url} testId="invitation-url" />
              </>
            ) : (
              <form id={formId} className={styles.form} onSubmit={submit} noValidate>
                <ProblemBar problem={problem} shownFields={['email', 'roles']} />
                <Field label={t('invite.email')} validationMessage={problem?.fields.email}>
                  <Input
                    required
                    type="email"
                    autoComplete="off"
                    value={email}
                    onChange={(_event, data) => setEmail(data.value)}
                  />
                </Field>
                <RoleCheckboxes
                  kind={organisation.kind}
                  value={roles}
                  onChange={setRoles}
                  error={problem?.fields.roles}
                />
              </form>
            )}
          </DialogContent>
          <DialogActions>
            {issued ? (
              <>
                <Button appearance="primary" onClick={close}>
                  {t('common.done')}
                </Button>
                <Button onClick={reset}>{t('invite.another')}</Button>
              </>
            ) : (
              <>
                <Button
                  appearance="primary"
                  type="submit"
                  form={formId}
                  disabled={busy || roles.length === 0 || email.trim() === ''}
                >
                  {t('invite.send')}
                </Button>
                <Button onClick={guard.requestClose}>{t('common.cancel')}</Button>
              </>
            )}
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
