import { Button } from '@fluentui/react-components';

/** The props the Software tab passes for one software line (an order line). */
export interface CancelButtonProps {
  customerId: string;
  productId: string;
  productName: string;
  /** The line's order, chosen first in the dialog's Order number drop-down. */
  orderId: string;
  /** Called after a successful cancellation, so the list can show the line as cancelled at once. */
  onCancelled?: () => void;
}

/** C7: opens the Cancel dialog. (Placeholder until the cancellation feature lands.) */
export function CancelButton(_props: CancelButtonProps) {
  return <Button disabled>Cancel</Button>;
}
