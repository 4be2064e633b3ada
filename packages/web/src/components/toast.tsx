import { Toast, ToastTitle, useToastController } from '@fluentui/react-components';
import { useCallback } from 'react';

/** The id of the one Toaster, rendered by the app shell. */
export const TOASTER_ID = 'cosell-toaster';

/** Short confirmations ("Saved") and failures of actions that have no form to show them in. */
export function useNotify() {
  const { dispatchToast } = useToastController(TOASTER_ID);
  return useCallback(
    (message: string, intent: 'success' | 'error' | 'info' = 'success') =>
      dispatchToast(
        <Toast>
          <ToastTitle>{message}</ToastTitle>
        </Toast>,
        { intent, politeness: intent === 'error' ? 'assertive' : 'polite' },
      ),
    [dispatchToast],
  );
}
