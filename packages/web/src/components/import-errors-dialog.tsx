/**
 * A refused CSV import (contacts, partner profiles): every bad row and column with its message;
 * nothing was imported. The server names each problem `rows.<row>.<column>`, `rows.<row>`, or
 * `file` / `header` for the whole file.
 */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useTranslation } from 'react-i18next';
import type { ClientProblem } from '../api/client';

const useStyles = makeStyles({
  surface: { maxWidth: '760px', width: 'calc(100vw - 32px)' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  scroll: {
    maxHeight: '50vh',
    overflow: 'auto',
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  rowCell: { width: '64px', fontVariantNumeric: 'tabular-nums' },
  columnCell: { width: '140px' },
  muted: { color: tokens.colorNeutralForeground3 },
});

/** One problem of a refused file, as the dialog lists them. */
export interface ImportIssue {
  /** Spreadsheet row (the header is row 1); null for problems of the whole file. */
  row: number | null;
  /** The column (a key or a header, as the server names it), or null for a whole row or file. */
  column: string | null;
  message: string;
}

/** The server's field messages as table rows, by row (whole-file problems first). */
export function importIssues(fields: Record<string, string>): ImportIssue[] {
  return Object.entries(fields)
    .map(([field, message]): ImportIssue => {
      const match = /^rows\.(\d+)(?:\.(.+))?$/.exec(field);
      if (!match) return { row: null, column: null, message };
      return { row: Number(match[1]), column: match[2] ?? null, message };
    })
    .sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** The dialog's words, in the caller's terms (contacts, profiles…). */
export interface ImportErrorsTexts {
  title: string;
  /** "Nothing was imported from <file>". */
  nothingImported: string;
  problems: string;
  row: string;
  column: string;
  problem: string;
  fixAndRetry: string;
}

export function ImportErrorsDialog({
  texts,
  problem,
  onClose,
  columnLabel = (column) => column,
  issueTestId,
}: {
  texts: ImportErrorsTexts;
  problem: ClientProblem;
  onClose: () => void;
  /** How a column is shown (e.g. a key as the file's header). */
  columnLabel?: (column: string) => string;
  issueTestId?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const issues = importIssues(problem.fields);
  return (
    <Dialog open onOpenChange={(_event, data) => (data.open ? undefined : onClose())}>
      <DialogSurface className={styles.surface}>
        <DialogBody>
          <DialogTitle>{texts.title}</DialogTitle>
          <DialogContent className={styles.content}>
            <MessageBar intent="error" layout="multiline">
              <MessageBarBody>
                <MessageBarTitle>{texts.nothingImported}</MessageBarTitle>
                {problem.detail ?? problem.title}
              </MessageBarBody>
            </MessageBar>
            {issues.length > 0 ? (
              <div className={styles.scroll} tabIndex={0} role="region" aria-label={texts.problems}>
                <Table size="small" aria-label={texts.problems}>
                  <TableHeader>
                    <TableRow>
                      <TableHeaderCell className={styles.rowCell}>{texts.row}</TableHeaderCell>
                      <TableHeaderCell className={styles.columnCell}>
                        {texts.column}
                      </TableHeaderCell>
                      <TableHeaderCell>{texts.problem}</TableHeaderCell>
                    </TableRow>
                  </TableHeader>
                  <TableBody>
                    {issues.map((issue, index) => (
                      <TableRow key={index} data-testid={issueTestId}>
                        <TableCell className={styles.rowCell}>{issue.row ?? '—'}</TableCell>
                        <TableCell className={styles.columnCell}>
                          {issue.column ? columnLabel(issue.column) : '—'}
                        </TableCell>
                        <TableCell>{issue.message}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </div>
            ) : null}
            <Text className={styles.muted}>{texts.fixAndRetry}</Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onClose}>
              {t('common.close')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
