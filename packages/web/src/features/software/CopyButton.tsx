import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { CheckmarkRegular, CopyRegular } from '@fluentui/react-icons';
import { useEffect, useState, type ReactNode } from 'react';
import { useI18n } from '../../app/i18n/useI18n';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  copied: { color: tokens.colorPaletteGreenForeground1 },
  fallback: { color: tokens.colorNeutralForeground2 },
});

/** Selects the text of `element` (an input's value, or an element's content) for Ctrl+C. */
function selectText(element: HTMLElement | null) {
  if (!element) return false;
  if (element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement) {
    element.focus();
    element.select();
    return true;
  }
  const selection = window.getSelection();
  if (!selection) return false;
  selection.removeAllRanges();
  selection.selectAllChildren(element);
  return true;
}

/** The old way, for browsers that give no Clipboard API (plain http, some embedded views). */
function legacyCopy(element: HTMLElement | null): boolean {
  if (!selectText(element)) return false;
  try {
    return typeof document.execCommand === 'function' && document.execCommand('copy');
  } catch {
    return false;
  }
}

type CopyState = 'idle' | 'copied' | 'manual';

/**
 * D2: copies `value` with the Clipboard API and says "Copied". Where the browser refuses, it
 * selects the text shown in `targetId` and tells the user to press Ctrl+C.
 */
export function CopyButton({
  value,
  targetId,
  children,
  ariaLabel,
}: {
  value: string;
  /** The element that shows `value`, selected when copying is not possible. */
  targetId: string;
  children: ReactNode;
  ariaLabel?: string;
}) {
  const styles = useStyles();
  const { t } = useI18n();
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), 4_000);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => {
    const target = document.getElementById(targetId);
    try {
      if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      // legacyCopy leaves the text selected, so a refused copy is one Ctrl+C away.
      setState(legacyCopy(target) ? 'copied' : 'manual');
    }
  };

  return (
    <span className={styles.root}>
      <Button
        icon={state === 'copied' ? <CheckmarkRegular /> : <CopyRegular />}
        aria-label={ariaLabel}
        onClick={() => void copy()}
      >
        {children}
      </Button>
      <span role="status" aria-live="polite">
        {state === 'copied' && (
          <Caption1 className={styles.copied}>{t('software.copied')}</Caption1>
        )}
        {state === 'manual' && (
          <Caption1 className={styles.fallback}>{t('software.copyManually')}</Caption1>
        )}
      </span>
    </span>
  );
}
