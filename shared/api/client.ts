import type { ApiEvents, EventName, MethodInput, MethodName, MethodOutput } from './contract';
import { AppError, type Result } from './result';

/** What carries a call to the backend: IPC in the desktop window, HTTP in browser mode. */
export interface Transport {
  invoke(method: string, input: unknown): Promise<Result<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
}

/** A typed client over any transport: `call` returns the value or throws an AppError. */
export function createClient(transport: Transport) {
  return {
    async call<M extends MethodName>(method: M, ...args: MethodInput<M> extends undefined ? [] | [MethodInput<M>] : [MethodInput<M>]): Promise<MethodOutput<M>> {
      const res = await transport.invoke(method, args[0] ?? {});
      if (!res.ok) throw new AppError(res.error.code, res.error.message, res.error.details, res.error.msg);
      return res.value as MethodOutput<M>;
    },
    on<E extends EventName>(event: E, handler: (payload: ApiEvents[E]) => void): () => void {
      return transport.on(event, handler as (p: unknown) => void);
    },
  };
}
export type ApiClient = ReturnType<typeof createClient>;
