import { Button, Spinner, makeStyles, useRestoreFocusTarget } from '@fluentui/react-components';
import { useEffect, useId, useState } from 'react';
import { useI18n } from '../../app/i18n/useI18n';
import { PermissionReason } from '../auth/PermissionReason';
import { usePermission } from '../auth/useSession';

/** The props the Software tab passes for one software line (an order line). */
export interface CancelButtonProps {
  customerId: string;
  productId: string;
  productName: string;
  /** The line's order, chosen first in the dialog's Order number drop-down. */
  orderId: string;
  /** Called after a successful cancellation, so the list can show the line as cancelled at once. */
  onCancelled?: () => void;
  /**
   * Issue 14: the line is cancelled: no Cancel button any more. A dialog already open stays
   * (it shows its confirmation) until it is closed.
   */
  lineCancelled?: boolean;
}

/**
 * The dialog is its own chunk: fetched when a Cancel button is near (idle, hover, focus). Not
 * React.lazy: a lazy component suspends on its first render even when its code is already here,
 * and React then holds the Suspense fallback for 300 ms; with the code here the dialog opens in
 * the same frame as the click.
 */
type CancelDialogComponent = typeof import('./CancelDialog').CancelDialog;
let dialogModule: Promise<CancelDialogComponent> | null = null;
let loadedDialog: CancelDialogComponent | null = null;
function preloadDialog() {
  dialogModule ??= import('./CancelDialog').then((module) => {
    loadedDialog = module.CancelDialog;
    return module.CancelDialog;
  });
  return dialogModule;
}

/** The dialog's component once its code is here; asks for it while `wanted`. */
function useDialogComponent(wanted: boolean): CancelDialogComponent | null {
  const [component, setComponent] = useState<CancelDialogComponent | null>(() => loadedDialog);
  useEffect(() => {
    if (!wanted || component) return;
    let current = true;
    void preloadDialog().then((loaded) => {
      if (current) setComponent(() => loaded);
    });
    return () => {
      current = false;
    };
  }, [wanted, component]);
  return component ?? loadedDialog;
}

const useStyles = makeStyles({
  root: { display: 'inline-flex', flexDirection: 'column', alignItems: 'flex-start', gap: '2px' },
});

/** Fetches the dialog's code once the browser is idle, so the first click opens it at once. */
function usePreloadWhenIdle(enabled: boolean) {
  useEffect(() => {
    if (!enabled || dialogModule) return;
    if ('requestIdleCallback' in window) {
      const handle = window.requestIdleCallback(() => void preloadDialog(), { timeout: 3_000 });
      return () => window.cancelIdleCallback(handle);
    }
    const timer = setTimeout(() => void preloadDialog(), 1500);
    return () => clearTimeout(timer);
  }, [enabled]);
}

/** Opens the Cancel dialog for `orderId` at first, or straight away when `initiallyOpen`. */
export function CancelControl({
  initiallyOpen = false,
  lineCancelled = false,
  ...props
}: CancelButtonProps & { initiallyOpen?: boolean }) {
  const styles = useStyles();
  const { t } = useI18n();
  const permission = usePermission('CANCEL_PURCHASE');
  const reasonId = useId();
  // Focus returns here when the dialog closes (it has no DialogTrigger).
  const restoreFocusTarget = useRestoreFocusTarget();
  const [open, setOpen] = useState(initiallyOpen && permission.allowed);
  // Mounted at the first opening and kept: Fluent closes it properly (focus back, the page no
  // longer hidden) and unmounts its content, so each opening is fresh from the server.
  const [mounted, setMounted] = useState(open);
  usePreloadWhenIdle(permission.allowed);
  const CancelDialog = useDialogComponent(mounted);

  // A cancelled line keeps its button, inactive: Fluent returns focus to it when the dialog that
  // cancelled the line closes, and un-hides the page (a removed button left #root aria-hidden).
  const inactive = !permission.allowed || lineCancelled;
  return (
    <span className={styles.root}>
      <Button
        {...restoreFocusTarget}
        size="small"
        disabledFocusable={inactive}
        aria-describedby={permission.allowed ? undefined : reasonId}
        aria-label={t('cancel.buttonLabel', {
          product: props.productName,
          orderId: props.orderId,
        })}
        aria-haspopup="dialog"
        onMouseEnter={() => void preloadDialog()}
        onFocus={() => void preloadDialog()}
        onClick={() => {
          if (inactive) return;
          setMounted(true);
          setOpen(true);
        }}
      >
        {t('cancel.button')}
      </Button>
      {!lineCancelled && !permission.allowed && (
        <PermissionReason id={reasonId} missingRoles={permission.missingRoles} />
      )}
      {mounted &&
        (CancelDialog ? (
          <CancelDialog {...props} open={open} onClose={() => setOpen(false)} />
        ) : (
          open && <Spinner size="tiny" label={t('cancel.opening')} />
        ))}
    </span>
  );
}

/**
 * C7, R5, R9: the **Cancel** button of a software line. Only Admin agents may cancel; everyone
 * else sees it disabled with the role that would allow it.
 */
export function CancelButton(props: CancelButtonProps) {
  return <CancelControl {...props} />;
}
