import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  input: { flexGrow: 1, minWidth: 0 },
});

/** A read-only value (a link shown once) with a Copy button. */
export function CopyField({
  label,
  value,
  testId,
}: {
  label: string;
  value: string;
  testId?: string;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2500);
    return () => clearTimeout(timer);
  }, [copied]);

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // Clipboard API refused (insecure context, permissions): select the text for the user.
      input.current?.select();
      setCopied(document.execCommand?.('copy') ?? false);
    }
  };

  return (
    <Field label={label}>
      <div className={styles.row}>
        <Input
          ref={input}
          className={styles.input}
          readOnly
          value={value}
          data-testid={testId}
          onFocus={(event) => event.currentTarget.select()}
        />
        <Button
          icon={copied ? <CheckmarkRegular /> : <CopyRegular />}
          onClick={copy}
          aria-live="polite"
        >
          {copied ? t('common.copied') : t('common.copy')}
        </Button>
      </div>
    </Field>
  );
}
