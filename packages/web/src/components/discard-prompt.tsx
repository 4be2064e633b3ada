import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  type DialogOpenChangeData,
} from '@fluentui/react-components';
import { useState, type ReactElement } from 'react';
import { useTranslation } from 'react-i18next';
import { hasChanges, onCloseRequest } from './discard-guard';

/**
 * Guards a form dialog against losing typed data. `requestClose` is what Escape, a click
 * outside, the close and Cancel buttons call: a clean form closes at once; a dirty one asks
 * "Discard your changes?" (Discard / Keep editing). `onOpenChange` is the dialog's handler,
 * and `prompt` must be rendered inside the dialog's surface (a nested dialog).
 */
export function useDiscardGuard(
  dirty: boolean,
  onClose: () => void,
): {
  requestClose: () => void;
  onOpenChange: (event: unknown, data: DialogOpenChangeData) => void;
  prompt: ReactElement | null;
} {
  const { t } = useTranslation();
  const [asking, setAsking] = useState(false);
  const requestClose = () => {
    if (onCloseRequest(dirty) === 'ask') setAsking(true);
    else onClose();
  };
  const prompt = asking ? (
    <Dialog
      open
      modalType="alert"
      onOpenChange={(_event, data) => (data.open ? undefined : setAsking(false))}
    >
      <DialogSurface data-testid="discard-prompt">
        <DialogBody>
          <DialogTitle>{t('discard.title')}</DialogTitle>
          <DialogContent>{t('discard.body')}</DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={() => setAsking(false)}>
              {t('discard.keep')}
            </Button>
            <Button
              onClick={() => {
                setAsking(false);
                onClose();
              }}
            >
              {t('discard.discard')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  ) : null;
  return {
    requestClose,
    onOpenChange: (_event, data) => (data.open ? undefined : requestClose()),
    prompt,
  };
}

/**
 * True once `values` differ from what they were when the form opened (see `hasChanges`). A form
 * whose values load after it opens passes null until then: the loaded values are the start.
 */
export function useFormChanged(values: unknown): boolean {
  const [initial, setInitial] = useState(values);
  if ((initial === null || initial === undefined) && values !== null && values !== undefined) {
    setInitial(values);
    return false;
  }
  return hasChanges(initial, values);
}
