import { HandledEvents } from '@ic/messaging';

/**
 * Which reminders an instance is sending: a claim per reminder, taken by insert with a unique id,
 * so that with several instances one sends each reminder; a claim left by a crashed
 * instance is taken over once its lease has run out, and the restarted sending skips the mails
 * already sent (their deliveries are `sent`).
 */
export class ReminderClaims extends HandledEvents {}

export const REMINDER_CLAIM_GROUP = 'notifications.reminders';
