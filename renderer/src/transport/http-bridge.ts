import { BROWSER_API_PREFIX, BROWSER_EVENTS_PATH, type GalleyBridge } from '../../../app/bridge.js';
import type { Channel, EventName, Events } from '../../../app/contract.js';
import type { Result } from '../../../app/errors.js';

type Listener = (payload: never) => void;

/**
 * Browser mode: the same bridge the Electron preload exposes, over loopback HTTP (app/bridge.ts).
 * Transport failures come back as error Results, so callers handle one shape of failure.
 */
export function createHttpBridge(origin: string, token: string): GalleyBridge {
  const listeners = new Map<EventName, Set<Listener>>();
  let source: EventSource | null = null;

  function subscribe(event: EventName): void {
    source ??= new EventSource(`${origin}${BROWSER_EVENTS_PATH}?token=${encodeURIComponent(token)}`);
    if (listeners.has(event)) return;
    listeners.set(event, new Set());
    source.addEventListener(event, (message) => {
      const payload = parseJson((message as MessageEvent<string>).data);
      if (payload === undefined) return;
      for (const listener of listeners.get(event) ?? []) listener(payload as never);
    });
  }

  return {
    async invoke(channel: Channel, input: unknown): Promise<Result<unknown>> {
      let response: Response;
      try {
        response = await fetch(`${origin}${BROWSER_API_PREFIX}${channel}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch {
        return { ok: false, error: { code: 'IO', message: `${channel}: the Galley server did not answer` } };
      }
      const body = parseJson(await response.text());
      if (isResult(body)) return body;
      const why = response.status === 401 || response.status === 403 ? 'the access token was refused' : `HTTP ${response.status}`;
      return { ok: false, error: { code: 'IO', message: `${channel}: ${why}` } };
    },
    on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void {
      subscribe(event);
      const set = listeners.get(event)!;
      set.add(listener as Listener);
      return () => set.delete(listener as Listener);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function isResult(value: unknown): value is Result<unknown> {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false;
  return value.ok === true ? 'value' in value : typeof (value as { error?: unknown }).error === 'object';
}
