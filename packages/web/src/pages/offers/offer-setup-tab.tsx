import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, type ClientProblem, type Offer } from '../../api/client';
import { ProblemBar } from '../../components/problem-bar';
import { Section } from '../../components/section';
import { useNotify } from '../../components/toast';
import { OfferForm } from './offer-form';
import { missingRequired, offerFormOf, offerPatch, type OfferFormValues } from './offer-form-state';

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  footer: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    paddingBlock: tokens.spacingVerticalS,
    backgroundColor: tokens.colorNeutralBackground1,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  sticky: { position: 'sticky', bottom: 0, zIndex: 1 },
  unsaved: { color: tokens.colorNeutralForeground2 },
});

/**
 * "Offer setup": the offer's own fields, saved with If-Match on the version they were read at,
 * so two editors never overwrite each other (412 shows a Reload).
 */
export function OfferSetupTab({
  organisationId,
  offer,
  canWrite,
  onSaved,
  onReload,
  onDirtyChange,
}: {
  organisationId: string;
  offer: Offer;
  canWrite: boolean;
  onSaved: (offer: Offer) => void;
  /** Fetches the offer again (after a 412). */
  onReload: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const notify = useNotify();
  /** The offer the form was filled from: its version goes back as If-Match. */
  const [base, setBase] = useState(offer);
  const [values, setValues] = useState<OfferFormValues>(() => offerFormOf(offer));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  /** Set by "Reload" after a 412: the next offer replaces the edits. */
  const [adoptNext, setAdoptNext] = useState(false);
  const dirty = Object.keys(offerPatch(base, values)).length > 0;

  // A newer offer arrived (the co-sell tab reloaded it, or "Reload"): take it unless the user
  // is editing; then the old version stays, and saving meets 412 if it really changed.
  // (State adjusted while rendering, as React recommends for "props changed" updates.)
  const [seenOffer, setSeenOffer] = useState(offer);
  if (offer !== seenOffer) {
    setSeenOffer(offer);
    if (adoptNext || (!dirty && offer.version !== base.version)) {
      setBase(offer);
      setValues(offerFormOf(offer));
      setProblem(null);
      setAdoptNext(false);
    }
  }

  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const patch = offerPatch(base, values);
    if (Object.keys(patch).length === 0) return;
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.PATCH('/api/organisations/{organisationId}/offers/{offerId}', {
        params: {
          path: { organisationId, offerId: base.id },
          header: { 'if-match': `"v${base.version}"` },
        },
        body: patch,
      }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setBase(result.data);
    setValues(offerFormOf(result.data));
    notify(t('offer.saved'));
    onSaved(result.data);
  };

  const stale = problem?.status === 412;

  return (
    <Section
      title={t('offer.setupTitle')}
      description={canWrite ? t('offer.setupDescription') : t('offer.readOnly')}
    >
      <form className={styles.form} onSubmit={submit} noValidate>
        <ProblemBar
          problem={
            stale && problem
              ? { ...problem, title: t('offer.staleTitle'), detail: t('offer.staleBody') }
              : problem
          }
          intent={stale ? 'warning' : 'error'}
          shownFields={Object.keys(problem?.fields ?? {}).filter((field) =>
            ['name', 'alias', 'offerType', 'summary', 'description', 'markets'].some(
              (name) => field === name || field.startsWith(`${name}.`),
            ),
          )}
          actions={
            stale ? (
              <Button
                onClick={() => {
                  setAdoptNext(true);
                  onReload();
                }}
                data-testid="offer-reload"
              >
                {t('common.reload')}
              </Button>
            ) : undefined
          }
        />
        <OfferForm
          values={values}
          onChange={setValues}
          errors={problem?.fields ?? {}}
          readOnly={!canWrite}
          withIds
          lifecycleState={offer.lifecycleState}
        />
        {canWrite ? (
          <div className={dirty ? `${styles.footer} ${styles.sticky}` : styles.footer}>
            <Button
              appearance="primary"
              type="submit"
              disabled={busy || !dirty || missingRequired(values)}
            >
              {t('common.save')}
            </Button>
            <Button
              disabled={busy || !dirty}
              onClick={() => {
                setValues(offerFormOf(base));
                setProblem(null);
              }}
            >
              {t('offer.discard')}
            </Button>
            {dirty ? <Text className={styles.unsaved}>{t('offer.unsaved')}</Text> : null}
          </div>
        ) : null}
      </form>
    </Section>
  );
}
