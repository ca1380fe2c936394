import { type Channel, isChannel } from './channels.js';
import { type CallInput, type CallOutput, contract, type EventName, type Events, type ParsedInput } from './contract.js';
import { firstIssue, GalleyError, type Result, toErrorPayload } from './errors.js';
import { wellFormed } from './well-formed.js';

/** What a handler may use besides its input: a way to stream events (progress) to the caller. */
export interface HandlerContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
}

/** The handler table: one function per call. `satisfies Handlers` makes a missing call a compile error. */
export type Handlers = {
  [C in Channel]: (input: ParsedInput<C>, ctx: HandlerContext) => Promise<CallOutput<C>> | CallOutput<C>;
};

/**
 * One domain's share of the table, typed from the contract: `HandlersOf<'edits:apply' | …>`, or by
 * prefix, `HandlersOf<ChannelsOf<'edits'>>`, so a new `edits:*` call is a compile error until the
 * edits domain answers it. The composition root intersects the domains into `Handlers`.
 */
export type HandlersOf<C extends Channel> = Pick<Handlers, C>;
export type ChannelsOf<Prefix extends string> = Extract<Channel, `${Prefix}:${string}`>;

/** A call as it arrives from a page or another thread: any name, input not parsed yet. Never throws. */
export type RawCaller = (channel: string, input: unknown, ctx: HandlerContext) => Promise<Result<unknown>>;

/** A call main makes itself (menu, dialogs), typed through the contract: the call's input in, its output back. */
export type Caller = <C extends Channel>(channel: C, input: CallInput<C>, ctx: HandlerContext) => Promise<Result<CallOutput<C>>>;

/**
 * The typed view of a raw caller. The one place the answer's type is asserted: the receiving side
 * parsed the input with the call's schema and ran the call's handler, whose type is `Handlers`.
 */
export function typedCaller(raw: RawCaller): Caller {
  return (channel, input, ctx) => raw(channel, input, ctx) as Promise<Result<CallOutput<typeof channel>>>;
}

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
    const parsed = contract[channel].input.safeParse(wellFormed(rawInput ?? {}));
    if (!parsed.success) {
      throw new GalleyError('BAD_INPUT', `${channel}: ${firstIssue(parsed.error)}`);
    }
    const handler = handlers[channel] as (input: unknown, ctx: HandlerContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (err) {
    return { ok: false, error: toErrorPayload(err) };
  }
}
