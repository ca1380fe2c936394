/** The one IPC channel events travel on, main → page: (eventName, payload). */
export const EVENT_CHANNEL = 'galley:event';
