import type { Channel } from './channels.js';
import type { CallInput, CallOutput } from './contract.js';
import { GalleyError, type Result } from './errors.js';

/** A transport's raw invoke: send a call, get its Result. */
export type Invoke = (channel: Channel, input: unknown) => Promise<Result<unknown>>;

/** A typed client over any transport: resolves with the call's output or throws its GalleyError. */
export function createClient(invoke: Invoke) {
  return async function call<C extends Channel>(channel: C, input: CallInput<C>): Promise<CallOutput<C>> {
    const res = await invoke(channel, input);
    if (!res.ok) throw new GalleyError(res.error.code, res.error.message);
    return res.value as CallOutput<C>;
  };
}
export type Client = ReturnType<typeof createClient>;
