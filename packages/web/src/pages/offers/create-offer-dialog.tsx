import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type Offer } from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { useDiscardGuard, useFormChanged } from '../../components/discard-prompt';
import { OfferForm } from './offer-form';
import { emptyOfferForm, missingRequired, toOfferBody } from './offer-form-state';

const useStyles = makeStyles({
  surface: { maxWidth: '720px', width: 'calc(100vw - 32px)' },
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
});

/** Fields whose messages the form shows beside them (the rest go to the problem bar). */
const SHOWN_FIELDS = ['name', 'alias', 'offerType', 'summary', 'description', 'markets'];

/** "New offer": every offer field; the server's field messages appear under their fields. */
export function CreateOfferDialog({
  organisationId,
  onClose,
  onCreated,
}: {
  organisationId: string;
  onClose: () => void;
  onCreated: (offer: Offer) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const [values, setValues] = useState(emptyOfferForm);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);

  const guard = useDiscardGuard(useFormChanged(values), onClose);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const body = toOfferBody(values);
    if (!body) return;
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/organisations/{organisationId}/offers', {
        params: { path: { organisationId } },
        body,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    onCreated(result.data);
  };

  const shown = Object.keys(problem?.fields ?? {}).filter((field) =>
    SHOWN_FIELDS.some((name) => field === name || field.startsWith(`${name}.`)),
  );

  return (
    <Dialog open onOpenChange={guard.onOpenChange}>
      <DialogSurface className={styles.surface}>
        {guard.prompt}
        <DialogBody>
          <DialogTitle>{t('offers.createTitle')}</DialogTitle>
          <DialogContent>
            <form id="create-offer-form" className={styles.form} onSubmit={submit} noValidate>
              <ProblemBar problem={problem} shownFields={shown} />
              <OfferForm values={values} onChange={setValues} errors={problem?.fields ?? {}} />
            </form>
          </DialogContent>
          <DialogActions>
            <Button
              appearance="primary"
              type="submit"
              form="create-offer-form"
              disabled={busy || missingRequired(values)}
            >
              {t('offers.createSubmit')}
            </Button>
            <Button onClick={guard.requestClose}>{t('common.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
