import { api } from '../../lib/api';
import type { MyNotifications } from '../../api/contract';

export type { MyNotifications } from '../../api/contract';

// How notices reach me (e-mail, SMS, language, digest): every user edits their own.

export function getMyNotifications() {
  return api<MyNotifications>('/me/notifications');
}

/** The agency's SMS switch (`agencySms`) is read-only: it is not sent back. */
export function updateMyNotifications({ agencySms: _agencySms, ...body }: MyNotifications) {
  return api<MyNotifications>('/me/notifications', { method: 'PUT', body });
}
