import { type Channel, isChannel } from './channels.js';
import { type CallOutput, contract, type EventName, type Events, type ParsedInput } from './contract.js';
import { GalleyError, type Result, toErrorPayload } from './errors.js';

/** What a handler may use besides its input: a way to stream events (progress) to the caller. */
export interface HandlerContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

/** The handler table: one function per call. `satisfies Handlers` makes a missing call a compile error. */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: HandlerContext) => Promise<CallOutput<C>> | CallOutput<C>;
};

/**
 * The one entry every transport uses: checks the channel, parses the input with the contract's
 * schema, runs the handler and answers `{ok,value}` or `{ok:false,error}`. It never throws.
 */
export async function dispatch(
  handlers: Handlers,
  channel: string,
  rawInput: unknown,
  ctx: HandlerContext,
): Promise<Result<unknown>> {
  try {
    if (!isChannel(channel)) throw new GalleyError('BAD_INPUT', `unknown call: ${String(channel).slice(0, 80)}`);
    const parsed = contract[channel].input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length ? `${issue.path.join('.')}: ` : '';
      throw new GalleyError('BAD_INPUT', `${channel}: ${where}${issue?.message ?? 'invalid input'}`);
    }
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toErrorPayload(err) };
  }
}
