import {
  Badge,
  Button,
  Caption1,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Spinner,
  Subtitle2,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { ArrowRightRegular } from '@fluentui/react-icons';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call, etagOf, type ClientProblem, type Program } from '../../api/client';
import type { components } from '../../api/schema';
import { ConfirmDialog } from '../../components/confirm-dialog';
import { ProblemBar } from '../../components/problem-bar';
import { Section, TableScroll } from '../../components/section';
import { useNotify } from '../../components/toast';
import {
  isPolicyId,
  POLICY_IDS,
  policyName,
  STATUS_RANK,
  usePolicyLabels,
  type PolicyId,
} from './policy-labels';

type Preview = components['schemas']['PolicySwitchPreview'];

/** How many changed offers the preview lists by name. */
const SAMPLE_SHOWN = 10;

const useStyles = makeStyles({
  options: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  optionLabel: { display: 'flex', flexDirection: 'column', gap: '2px' },
  optionName: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    fontWeight: tokens.fontWeightSemibold,
  },
  summary: { color: tokens.colorNeutralForeground2 },
  readList: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
  },
  actions: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
  },
  preview: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    paddingTop: tokens.spacingVerticalM,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  heading: { margin: 0 },
  counts: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(120px, 1fr))',
    gap: tokens.spacingHorizontalS,
    margin: 0,
  },
  count: {
    display: 'flex',
    flexDirection: 'column',
    padding: tokens.spacingHorizontalM,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
  },
  countValue: {
    order: 1,
    margin: 0,
    fontSize: tokens.fontSizeHero700,
    lineHeight: tokens.lineHeightHero700,
    fontWeight: tokens.fontWeightSemibold,
    fontVariantNumeric: 'tabular-nums',
  },
  countLabel: { order: 2 },
  gained: { color: tokens.colorPaletteGreenForeground1 },
  lost: { color: tokens.colorPaletteRedForeground1 },
  move: { display: 'inline-flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  number: { fontVariantNumeric: 'tabular-nums' },
  sampleList: { margin: 0, paddingInlineStart: '1.25em', overflowWrap: 'anywhere' },
  reasons: { margin: 0, paddingInlineStart: '1.25em', color: tokens.colorNeutralForeground2 },
  muted: { color: tokens.colorNeutralForeground3 },
});

/**
 * The program policy: which one is active, what each asks for in one line, and (program
 * admins) a preview of what switching would change, then activation with If-Match.
 */
export function PolicySection({
  program,
  etag,
  canManage,
  onActivated,
  onReload,
}: {
  program: Program;
  etag: string | undefined;
  canManage: boolean;
  onActivated: (program: Program, etag: string | undefined) => void;
  onReload: () => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePolicyLabels();
  const notify = useNotify();
  const active = program.activePolicy;
  const [selected, setSelected] = useState<PolicyId>(isPolicyId(active) ? active : '2021-09');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ClientProblem | null>(null);
  const [confirming, setConfirming] = useState(false);

  const previewed = preview !== null && preview.to === selected && preview.from === active;
  const stale = problem?.status === 412;

  const runPreview = async () => {
    setBusy(true);
    setProblem(null);
    const result = await call(
      api.POST('/api/program/policy/preview', { body: { policyId: selected } }),
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setPreview(result.data);
  };

  const activate = async (): Promise<ClientProblem | null> => {
    const result = await call(
      api.PUT('/api/program/policy', {
        params: { header: etag ? { 'if-match': etag } : {} },
        body: { policyId: selected },
      }),
    );
    if (!result.ok) {
      if (result.problem.status !== 412) return result.problem;
      // Someone changed the program meanwhile: say so next to the policy, with Reload.
      setProblem(result.problem);
      return null;
    }
    setPreview(null);
    onActivated(result.data, etagOf(result.response));
    notify(t('policy.activated', { policy: policyName(labels, result.data.activePolicy) }));
    return null;
  };

  const optionLabel = (id: PolicyId) => (
    <span className={styles.optionLabel}>
      <span className={styles.optionName}>
        {labels.policy[id]}
        {id === active ? (
          <Badge appearance="filled" color="brand" size="small">
            {t('policy.active')}
          </Badge>
        ) : null}
      </span>
      <Caption1 className={styles.summary}>{labels.summary[id]}</Caption1>
    </span>
  );

  return (
    <Section
      title={t('policy.title')}
      description={canManage ? t('policy.description') : t('policy.readOnly')}
      testId="policy-section"
    >
      <ProblemBar
        problem={problem}
        intent={stale ? 'warning' : 'error'}
        actions={
          stale ? (
            <Button onClick={onReload} data-testid="policy-reload">
              {t('common.reload')}
            </Button>
          ) : undefined
        }
      />
      {canManage ? (
        <>
          <RadioGroup
            aria-label={t('policy.choose')}
            value={selected}
            className={styles.options}
            onChange={(_event, data) => {
              if (isPolicyId(data.value)) setSelected(data.value);
            }}
          >
            {POLICY_IDS.map((id) => (
              <Radio
                key={id}
                value={id}
                label={optionLabel(id)}
                data-testid={`policy-option-${id}`}
              />
            ))}
          </RadioGroup>
          <div className={styles.actions}>
            <Button
              disabled={busy || selected === active}
              onClick={() => void runPreview()}
              data-testid="policy-preview"
            >
              {t('policy.preview')}
            </Button>
            <Button
              appearance="primary"
              disabled={busy || !previewed || stale}
              onClick={() => setConfirming(true)}
              data-testid="policy-activate"
            >
              {t('policy.activate')}
            </Button>
            {busy ? <Spinner size="tiny" label={t('policy.previewing')} /> : null}
            {selected === active ? (
              <Text className={styles.muted}>{t('policy.alreadyActive')}</Text>
            ) : !previewed && !busy ? (
              <Text className={styles.muted}>{t('policy.previewFirst')}</Text>
            ) : null}
          </div>
          {previewed ? <PreviewResult preview={preview} /> : null}
          {previewed ? (
            <ConfirmDialog
              open={confirming}
              title={t('policy.confirmTitle', { policy: labels.policy[preview.to] })}
              confirmLabel={t('policy.activate')}
              onConfirm={activate}
              onClose={() => setConfirming(false)}
            >
              {t('policy.confirmBody', {
                from: policyName(labels, preview.from),
                to: labels.policy[preview.to],
                offers: preview.offers,
                gained: preview.gained,
                lost: preview.lost,
                unchanged: preview.unchanged,
              })}
              {preview.invalid > 0
                ? ` ${t('policy.confirmInvalid', { count: preview.invalid })}`
                : null}
            </ConfirmDialog>
          ) : null}
        </>
      ) : (
        <ul className={styles.readList}>
          {POLICY_IDS.map((id) => (
            <li key={id}>{optionLabel(id)}</li>
          ))}
        </ul>
      )}
    </Section>
  );
}

/** What the switch would do: counts, moves between statuses, and the first changed offers. */
function PreviewResult({ preview }: { preview: Preview }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePolicyLabels();
  const counts = [
    ['offers', t('policy.offers'), preview.offers, undefined],
    ['gained', t('policy.gained'), preview.gained, styles.gained],
    ['lost', t('policy.lost'), preview.lost, styles.lost],
    ['unchanged', t('policy.unchanged'), preview.unchanged, undefined],
    ['invalid', t('policy.invalid'), preview.invalid, preview.invalid ? styles.lost : undefined],
  ] as const;
  const invalidShown = preview.invalidSample.slice(0, SAMPLE_SHOWN);
  const moreInvalid = preview.invalid - invalidShown.length;
  const where = (problem: Preview['invalidSample'][number]['problems'][number]) =>
    problem.versions.length > 1
      ? t('policy.problemBoth', { problem: problem.message })
      : problem.versions[0] === 'live'
        ? t('policy.problemLive', { problem: problem.message })
        : t('policy.problemDraft', { problem: problem.message });
  const reason = (r: Preview['sample'][number]['reasons'][number]) =>
    r.kind === 'unmet'
      ? t('policy.reasonUnmet', { reason: r.message })
      : r.kind === 'dropped'
        ? t('policy.reasonDropped', { reason: r.message })
        : r.message;
  const shown = preview.sample.slice(0, SAMPLE_SHOWN);
  const more = preview.gained + preview.lost - shown.length;

  return (
    <div className={styles.preview} data-testid="policy-preview-result" aria-live="polite">
      <Subtitle2 as="h3" className={styles.heading}>
        {t('policy.previewTitle', {
          from: policyName(labels, preview.from),
          to: labels.policy[preview.to],
        })}
      </Subtitle2>
      <dl className={styles.counts}>
        {counts.map(([key, label, value, className]) => (
          <div key={key} className={styles.count} data-testid={`policy-${key}`}>
            <dt className={styles.countLabel}>{label}</dt>
            <dd className={mergeClasses(styles.countValue, className)}>{value}</dd>
          </div>
        ))}
      </dl>
      {preview.moves.length === 0 ? (
        <Text>{t('policy.noMoves')}</Text>
      ) : (
        <TableScroll>
          <Table size="small" aria-label={t('policy.moves')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('policy.move')}</TableHeaderCell>
                <TableHeaderCell>{t('policy.change')}</TableHeaderCell>
                <TableHeaderCell className={styles.number}>{t('policy.offers')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {preview.moves.map((move) => {
                const gain = STATUS_RANK[move.to] > STATUS_RANK[move.from];
                return (
                  <TableRow key={`${move.from}>${move.to}`}>
                    <TableCell>
                      <span className={styles.move}>
                        {labels.status[move.from]}
                        <ArrowRightRegular aria-label={t('policy.becomes')} role="img" />
                        {labels.status[move.to]}
                      </span>
                    </TableCell>
                    <TableCell className={gain ? styles.gained : styles.lost}>
                      {gain ? t('policy.gain') : t('policy.loss')}
                    </TableCell>
                    <TableCell
                      className={mergeClasses(styles.number, gain ? styles.gained : styles.lost)}
                    >
                      {gain ? `+${move.count}` : `−${move.count}`}
                    </TableCell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        </TableScroll>
      )}
      {shown.length > 0 ? (
        <>
          <Subtitle2 as="h3" className={styles.heading}>
            {t('policy.sample')}
          </Subtitle2>
          <ul className={styles.sampleList}>
            {shown.map((entry) => (
              <li key={`${entry.organisationId}/${entry.offerId}`}>
                {t('policy.sampleItem', {
                  offer: entry.offerName,
                  partner: entry.organisationName,
                  from: labels.status[entry.from],
                  to: labels.status[entry.to],
                })}
                {entry.reasons.length > 0 ? (
                  <ul className={styles.reasons}>
                    {entry.reasons.map((r, i) => (
                      <li key={i}>{reason(r)}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ul>
          {more > 0 ? (
            <Text size={200} className={styles.muted}>
              {t('policy.andMore', { count: more })}
            </Text>
          ) : null}
        </>
      ) : null}
      {invalidShown.length > 0 ? (
        <div data-testid="policy-invalid-list">
          <Subtitle2 as="h3" className={styles.heading}>
            {t('policy.invalidTitle')}
          </Subtitle2>
          <Caption1 block className={styles.muted}>
            {t('policy.invalidNote')}
          </Caption1>
          <ul className={styles.sampleList}>
            {invalidShown.map((entry) => (
              <li key={`${entry.organisationId}/${entry.offerId}`}>
                {t('policy.offerOf', { offer: entry.offerName, partner: entry.organisationName })}
                <ul className={styles.reasons}>
                  {entry.problems.map((problem) => (
                    <li key={`${problem.id}:${problem.code}`}>{where(problem)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {moreInvalid > 0 ? (
            <Text size={200} className={styles.muted}>
              {t('policy.andMore', { count: moreInvalid })}
            </Text>
          ) : null}
        </div>
      ) : null}
      <Caption1 className={styles.muted}>{t('policy.elapsed', { ms: preview.elapsedMs })}</Caption1>
    </div>
  );
}
