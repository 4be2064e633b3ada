import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClientProblem } from '../api/client';
import { ProblemBar } from './problem-bar';

/** Asks before a destructive action; shows the server's problem if the action fails. */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  /** Performs the action; a returned problem keeps the dialog open and shows it. */
  onConfirm: () => Promise<ClientProblem | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const close = () => {
    setProblem(null);
    onClose();
  };
  return (
    <Dialog
      open={open}
      modalType="alert"
      onOpenChange={(_event, data) => (data.open ? undefined : close())}
    >
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>
            <ProblemBar problem={problem} />
            <p>{children}</p>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              disabled={busy}
              onClick={async () => {
                setBusy(true);
                const failure = await onConfirm();
                setBusy(false);
                if (failure) setProblem(failure);
                else close();
              }}
            >
              {confirmLabel}
            </Button>
            <Button onClick={close}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
