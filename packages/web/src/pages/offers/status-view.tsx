import {
  Badge,
  Body1,
  Caption1,
  Link,
  makeStyles,
  mergeClasses,
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
import {
  CheckmarkCircleFilled,
  DismissCircleRegular,
  RibbonStarFilled,
  RibbonRegular,
} from '@fluentui/react-icons';
import { createContext, use, useEffect, useId, useState, type MouseEvent } from 'react';
import { api, call } from '../../api/client';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { formatDate, formatDateTime } from '../../components/format';
import { TableScroll } from '../../components/section';
import { currentLocale } from '../../i18n/i18n';
import { CosellStatusBadge } from './cosell-status-badge';
import { usePublishLabels } from './publish-labels';
import { PROFILE_HREF, requirementTarget } from './publish-targets';
import type {
  Benefit,
  CosellStatusId,
  Fix,
  FixTarget,
  OfferStatus,
  Requirement,
  StatusTier,
} from './publish-types';

const useStyles = makeStyles({
  summary: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    alignItems: 'flex-start',
  },
  facts: { color: tokens.colorNeutralForeground2 },
  tiers: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(min(300px, 100%), 1fr))',
    gap: tokens.spacingHorizontalL,
    alignItems: 'start',
  },
  tier: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    padding: tokens.spacingHorizontalL,
    borderRadius: tokens.borderRadiusLarge,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderTop: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}`,
    minWidth: 0,
  },
  tierMet: { borderTopColor: tokens.colorPaletteGreenBorder2 },
  tierUnmet: { borderTopColor: tokens.colorPaletteDarkOrangeBorder2 },
  tierNotApplicable: {
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground3,
  },
  tierHead: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalS,
  },
  heading: { margin: 0, overflowWrap: 'anywhere' },
  list: {
    listStyle: 'none',
    margin: 0,
    padding: 0,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  item: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  itemText: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  icon: { flexShrink: 0, fontSize: '20px', marginTop: '1px' },
  met: { color: tokens.colorPaletteGreenForeground1 },
  unmet: { color: tokens.colorPaletteRedForeground1 },
  muted: { color: tokens.colorNeutralForeground3 },
  note: { color: tokens.colorNeutralForeground3 },
  benefits: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, max-content) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXL,
    rowGap: tokens.spacingVerticalS,
    margin: 0,
    '@media (max-width: 479px)': { gridTemplateColumns: 'minmax(0, 1fr)', rowGap: 0 },
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  definition: {
    margin: 0,
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    '@media (max-width: 479px)': { marginBottom: tokens.spacingVerticalS },
  },
  table: { minWidth: '520px' },
  reason: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'baseline',
    gap: tokens.spacingHorizontalS,
    flexBasis: '100%',
    minWidth: 0,
  },
});

/** True inside the reviewer's view of a submission: notes speak to the reviewer. */
const ReviewerView = createContext(false);

/** Profile fields only the program sets: a partner cannot fix them, only ask. */
const PROGRAM_SET_FIELDS = new Set([
  'profile-gold-competency',
  'profile-solutions-partner',
  'profile-isv-connect',
  'profile-revenue',
]);

/** The program's contact address (null: none set), read once per page load. */
let contactOnce: Promise<string | null> | null = null;
function useProgramContact(): string | null | undefined {
  const [contact, setContact] = useState<string | null | undefined>(undefined);
  useEffect(() => {
    contactOnce ??= call(api.GET('/api/program')).then((r) => (r.ok ? r.data.contactEmail : null));
    let cancelled = false;
    void contactOnce.then((value) => {
      if (!cancelled) setContact(value);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return contact;
}

/** A requirement only the program can meet: whom to ask, instead of a link to read-only values. */
function AskProgram() {
  const { t } = useTranslation();
  const styles = useStyles();
  const contact = useProgramContact();
  if (contact === undefined) return null;
  return (
    <Caption1 className={styles.note} data-testid="ask-program">
      {contact ? (
        <>
          {t('status.askProgram')} <Link href={`mailto:${contact}`}>{contact}</Link>
        </>
      ) : (
        t('status.askProgramNoContact')
      )}
    </Caption1>
  );
}

/** Who acts on an unmet requirement, told to the reviewer of a submission. */
function ReviewerNote({ fix }: { fix: Fix }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const note =
    fix.area === 'review'
      ? t('status.reviewer.you')
      : fix.area === 'profile'
        ? PROGRAM_SET_FIELDS.has(fix.field)
          ? t('status.reviewer.program')
          : t('status.reviewer.partnerProfile')
        : t('status.reviewer.partnerOffer');
  return (
    <Caption1 className={styles.note} data-testid="reviewer-note">
      {note}
    </Caption1>
  );
}

/** Where a requirement or a benefit is fixed: a link to the field, the profile, or a note. */
function FixLink({ fix, onGo }: { fix: Fix; onGo: (target: FixTarget) => void }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const navigate = useNavigate();
  const target = requirementTarget(fix);
  if (fix.area === 'profile' && PROGRAM_SET_FIELDS.has(fix.field)) return <AskProgram />;
  if (fix.area === 'profile') {
    return (
      <Link
        href={PROFILE_HREF}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => {
          if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey) return;
          event.preventDefault();
          void navigate(PROFILE_HREF);
        }}
      >
        {t('status.fixProfile')}
      </Link>
    );
  }
  if (target) {
    return (
      <Link as="button" onClick={() => onGo(target)}>
        {t('status.fix')}
      </Link>
    );
  }
  if (fix.area === 'review') {
    return <Caption1 className={styles.note}>{t('status.byReviewer')}</Caption1>;
  }
  return null;
}

/** A requirement: ✓ or ✗, the server's explanation and, when not met, where to fix it. */
function RequirementItem({
  requirement,
  onGo,
}: {
  requirement: Requirement;
  onGo?: (target: FixTarget) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const reviewer = use(ReviewerView);
  const fix = requirement.met ? null : reviewer ? (
    <ReviewerNote fix={requirement.fix} />
  ) : onGo ? (
    <FixLink fix={requirement.fix} onGo={onGo} />
  ) : null;
  return (
    <li
      className={styles.item}
      data-testid={`requirement-${requirement.id}`}
      data-met={requirement.met ? 'true' : 'false'}
    >
      {requirement.met ? (
        <CheckmarkCircleFilled
          className={mergeClasses(styles.icon, styles.met)}
          role="img"
          aria-label={t('status.met')}
        />
      ) : (
        <DismissCircleRegular
          className={mergeClasses(styles.icon, styles.unmet)}
          role="img"
          aria-label={t('status.notMet')}
        />
      )}
      <span className={styles.itemText}>
        <Text>{requirement.message}</Text>
        {fix}
      </span>
    </li>
  );
}

function TierCard({
  tier,
  tiers,
  onGo,
}: {
  tier: StatusTier;
  tiers: readonly StatusTier[];
  onGo?: (target: FixTarget) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const headingId = useId();
  const base = tier.requires ? tiers.find((other) => other.status === tier.requires) : undefined;
  return (
    <section
      aria-labelledby={headingId}
      className={mergeClasses(
        styles.tier,
        !tier.applicable ? styles.tierNotApplicable : tier.met ? styles.tierMet : styles.tierUnmet,
      )}
      data-testid={`status-tier-${tier.status}`}
      data-met={tier.met ? 'true' : 'false'}
      data-applicable={tier.applicable ? 'true' : 'false'}
    >
      <div className={styles.tierHead}>
        <Subtitle2 as="h3" id={headingId} className={styles.heading}>
          {tier.name}
        </Subtitle2>
        {!tier.applicable ? (
          <Badge appearance="filled" color="informative">
            {t('status.notApplicable')}
          </Badge>
        ) : tier.met ? (
          <Badge appearance="filled" color="success" icon={<CheckmarkCircleFilled />}>
            {t('status.tierMet')}
          </Badge>
        ) : (
          <Badge appearance="tint" color="warning">
            {t('status.tierNotMet')}
          </Badge>
        )}
      </div>
      {!tier.applicable ? (
        <Caption1 className={styles.note}>{t('status.notApplicableNote')}</Caption1>
      ) : null}
      {base ? (
        <Caption1 className={styles.note}>{t('status.buildsOn', { name: base.name })}</Caption1>
      ) : null}
      <ul className={styles.list}>
        {tier.requirements.map((requirement) => (
          <RequirementItem
            key={requirement.id}
            requirement={requirement}
            onGo={tier.applicable ? onGo : undefined}
          />
        ))}
      </ul>
    </section>
  );
}

/** The summary of a status: the badge, what it was checked against, since when it holds. */
export function StatusSummary({ status }: { status: OfferStatus }) {
  const { t } = useTranslation();
  const styles = useStyles();
  return (
    <div className={styles.summary}>
      <CosellStatusBadge status={status.status} name={status.statusName} />
      <Body1 className={styles.facts}>
        {status.basis === 'live'
          ? t('status.basisLive')
          : status.basis === 'submission'
            ? t('status.basisSubmission')
            : t('status.basisDraft')}
      </Body1>
      <Caption1 className={styles.facts}>
        {[
          t('status.policy', { policy: status.policyId }),
          status.qualifiedSince
            ? t('status.qualifiedSince', { date: formatDate(status.qualifiedSince) })
            : null,
          status.evaluatedAt
            ? t('status.evaluatedAt', { date: formatDateTime(status.evaluatedAt) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Caption1>
    </div>
  );
}

/**
 * Every status the offer can reach as a card, with its requirements met or not. With `onGo`
 * an unmet requirement links to where it is fixed; without it the list is read-only (the
 * reviewer's view).
 */
export function StatusTiers({
  status,
  onGo,
  reviewer = false,
}: {
  status: OfferStatus;
  onGo?: (target: FixTarget) => void;
  /** The reviewer's view: each unmet requirement says who acts on it (you, the partner, the program). */
  reviewer?: boolean;
}) {
  const styles = useStyles();
  return (
    <ReviewerView value={reviewer}>
      <div className={styles.tiers}>
        {status.tiers.map((tier) => (
          <TierCard key={tier.status} tier={tier} tiers={status.tiers} onGo={onGo} />
        ))}
      </div>
    </ReviewerView>
  );
}

const percent = (value: number) =>
  new Intl.NumberFormat(currentLocale(), { style: 'percent', maximumFractionDigits: 1 }).format(
    value / 100,
  );

/** Why the offer has a benefit or not (the server's words), and where to act when it can. */
function BenefitReason({
  benefits,
  id,
  onGo,
}: {
  benefits: OfferStatus['benefits'];
  id: Benefit['id'];
  onGo?: (target: FixTarget) => void;
}) {
  const styles = useStyles();
  const benefit = benefits.explanations.find((b) => b.id === id);
  if (!benefit) return null;
  return (
    <span className={styles.reason} data-testid={`benefit-${id}`} data-met={String(benefit.met)}>
      <Caption1 className={styles.facts}>{benefit.message}</Caption1>
      {!benefit.met && benefit.fix && onGo ? <FixLink fix={benefit.fix} onGo={onGo} /> : null}
    </span>
  );
}

/**
 * What the status brings: badge, Azure benefit, CSP incentive, marketplace fee, sellers; each
 * with why the offer has it or not, and (with `onGo`) where to act.
 */
export function BenefitsPanel({
  status,
  onGo,
}: {
  status: OfferStatus;
  onGo?: (target: FixTarget) => void;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePublishLabels();
  const { benefits } = status;
  const reason = (id: Benefit['id']) => <BenefitReason benefits={benefits} id={id} onGo={onGo} />;
  const badge = benefits.preferredSolutionBadge;
  const badgeState = badge.granted ? 'granted' : badge.qualifies ? 'due' : 'not-qualifying';
  const yesNo = (value: boolean) => (
    <Badge appearance="tint" color={value ? 'success' : 'informative'}>
      {value ? labels.yes : labels.no}
    </Badge>
  );
  return (
    <dl className={styles.benefits}>
      <dt className={styles.term}>{t('status.preferredSolution')}</dt>
      <dd className={styles.definition}>
        <Badge
          appearance={badge.granted ? 'filled' : 'tint'}
          color={badge.granted ? 'brand' : badge.qualifies ? 'warning' : 'informative'}
          icon={badge.granted ? <RibbonStarFilled /> : <RibbonRegular />}
          data-testid="benefit-badge"
          data-state={badgeState}
        >
          {badge.granted
            ? status.badgeGrantedAt
              ? t('status.badgeGrantedOn', { date: formatDate(status.badgeGrantedAt) })
              : t('status.badgeGranted')
            : badge.qualifies
              ? badge.dueAt
                ? t('status.badgeDue', { date: formatDate(badge.dueAt) })
                : t('status.badgeQualifies')
              : t('status.badgeNotQualifying')}
        </Badge>
        {reason('preferredSolutionBadge')}
      </dd>
      <dt className={styles.term}>{t('status.azureBenefit')}</dt>
      <dd className={styles.definition}>
        {yesNo(benefits.azureBenefitEligible)}
        {reason('azureBenefitEligible')}
      </dd>
      <dt className={styles.term}>{t('status.cspIncentive')}</dt>
      <dd className={styles.definition}>
        {benefits.cspIncentivePercent === null
          ? t('status.cspIncentiveNone')
          : percent(benefits.cspIncentivePercent)}
        {reason('cspIncentive')}
      </dd>
      <dt className={styles.term}>{t('status.marketplaceFee')}</dt>
      <dd className={styles.definition}>
        {percent(benefits.marketplaceFeePercent)}
        {reason('marketplaceFee')}
      </dd>
      <dt className={styles.term}>{t('status.visibleToSellers')}</dt>
      <dd className={styles.definition}>
        {yesNo(benefits.visibleToSellers)}
        {reason('visibleToSellers')}
      </dd>
    </dl>
  );
}

/** The name of a status in the history: from the history itself, the tiers, or the id. */
function statusNameOf(status: OfferStatus, id: CosellStatusId): string {
  if (status.status === id) return status.statusName;
  return (
    status.history.find((entry) => entry.status === id)?.statusName ??
    status.tiers.find((tier) => tier.status === id)?.name ??
    id
  );
}

/** When and why the status changed, with the policy that decided it. */
export function StatusHistory({ status }: { status: OfferStatus }) {
  const { t } = useTranslation();
  const styles = useStyles();
  const labels = usePublishLabels();
  if (status.history.length === 0) {
    return <Text className={styles.facts}>{t('status.historyEmpty')}</Text>;
  }
  return (
    <TableScroll>
      <Table size="small" className={styles.table} aria-label={t('status.historyTitle')}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell>{t('status.historyDate')}</TableHeaderCell>
            <TableHeaderCell>{t('status.historyStatus')}</TableHeaderCell>
            <TableHeaderCell>{t('status.historyPrevious')}</TableHeaderCell>
            <TableHeaderCell>{t('status.historyPolicy')}</TableHeaderCell>
            <TableHeaderCell>{t('status.historyCause')}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {status.history.map((entry) => (
            <TableRow key={entry.id}>
              <TableCell>{formatDateTime(entry.at)}</TableCell>
              <TableCell>{entry.statusName}</TableCell>
              <TableCell>
                {entry.previousStatus ? statusNameOf(status, entry.previousStatus) : '—'}
              </TableCell>
              <TableCell>{entry.policyId}</TableCell>
              <TableCell>{labels.cause[entry.cause] ?? entry.cause}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableScroll>
  );
}
