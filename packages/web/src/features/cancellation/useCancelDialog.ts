import { useEffect, useRef, useState } from 'react';
import { deadlineOf, liveOption } from './cancel-model';
import { useCancelPurchase, useCancellationOptions } from './useCancellation';
import { useLiveNow, useServerClockOffset } from './useLiveClock';

export interface CancelSuccess {
  orderId: string;
  credit: { amountMinor: number; currency: string };
  method: string;
  period: string;
}

/**
 * The Cancel dialog's state: the customer's orders of the product (refreshed by the server every
 * minute), the chosen one live by the server's clock, the acknowledgement, and the submission with
 * its success or refusal. Focus moves to the order drop-down once loaded and to the confirmation.
 */
export function useCancelDialog(customerId: string, productId: string, orderId: string) {
  const { data, error, refetch } = useCancellationOptions(customerId, productId);
  const [cancel, { loading: submitting }] = useCancelPurchase();
  const [chosen, setChosen] = useState(orderId);
  const [acknowledged, setAcknowledged] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const [success, setSuccess] = useState<CancelSuccess | null>(null);
  const successRef = useRef<HTMLDivElement>(null);
  const orderSelectRef = useRef<HTMLSelectElement>(null);

  const options = data?.cancellationOptions.orders ?? [];
  const option = options.find((o) => o.order.id === chosen) ?? options[0];
  const offset = useServerClockOffset(data?.cancellationOptions.serverTime);
  const now = useLiveNow(offset, deadlineOf(option));
  const live = option ? liveOption(option, now) : null;
  const canSubmit = live?.state === 'OPEN' && acknowledged && !submitting;

  useEffect(() => {
    if (success) successRef.current?.focus();
  }, [success]);

  // Once the orders are there, keyboard users start at the Order number drop-down (focus was
  // on Close while they loaded), unless they have moved on already.
  const loaded = !!data;
  useEffect(() => {
    const select = orderSelectRef.current;
    if (!loaded || !select) return;
    const active = document.activeElement;
    const surface = select.closest('[role="dialog"]');
    if (
      !active ||
      active === document.body ||
      active.closest('.fui-DialogActions') ||
      active === surface
    ) {
      select.focus();
    }
  }, [loaded]);

  const refresh = () => void refetch().catch(() => undefined);

  const choose = (id: string) => {
    setChosen(id);
    setAcknowledged(false);
    setFailure(null);
  };

  const submit = async (onCancelled?: () => void) => {
    if (!option || !canSubmit) return;
    setFailure(null);
    setSuccess(null);
    try {
      const result = await cancel({
        variables: {
          input: { customerId, productId, orderId: option.order.id, acknowledged: true },
        },
      });
      const payload = result.data?.cancelPurchase;
      if (payload) {
        setSuccess({
          orderId: payload.order.id,
          credit: payload.credit,
          method: payload.creditMethod,
          period: payload.creditInvoice.period,
        });
        setAcknowledged(false);
        onCancelled?.();
      }
    } catch (caught) {
      setFailure(caught);
    }
    refresh();
  };

  /** Another order that can still be cancelled, after a success. */
  const anotherOpen =
    !!success &&
    options.some((o) => o.order.id !== success.orderId && liveOption(o, now).state === 'OPEN');

  return {
    data,
    error,
    refetch,
    refresh,
    options,
    option,
    live,
    now,
    choose,
    acknowledged,
    setAcknowledged,
    submitting,
    canSubmit,
    submit,
    failure,
    success,
    anotherOpen,
    successRef,
    orderSelectRef,
  };
}
