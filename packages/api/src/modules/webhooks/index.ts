/** What the rest of the API uses of webhooks: write an event in the change's own transaction. */
export { enqueueIfLinkExhausted, enqueueWebhook } from './outbox.js';
export { orderPlacedEvent, purchaseCancelledEvent, supportRequestCreatedEvent } from './events.js';
