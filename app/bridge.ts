import type { Channel, EventName, Events } from './contract.js';
import type { Result } from './errors.js';

/**
 * What the Electron preload exposes to the page as `window.galley`, and what the browser-mode
 * client implements over HTTP: raw invoke plus event subscription. Nothing else crosses.
 */
export interface GalleyBridge {
  invoke(channel: Channel, input: unknown): Promise<Result<unknown>>;
  /** Subscribe to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
}

/**
 * Browser mode over loopback HTTP:
 * - `POST /api/<channel>` with a JSON body (the call's input) and header `Authorization: Bearer <token>`
 *   answers the JSON `Result`;
 * - `GET /api/events?token=<token>` is a Server-Sent Events stream: `event: <name>` / `data: <json>`;
 * - the token comes in the start URL as `?token=…`.
 */
export const BROWSER_API_PREFIX = '/api/';
export const BROWSER_EVENTS_PATH = '/api/events';
