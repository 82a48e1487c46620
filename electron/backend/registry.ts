import { contract, type Contract, type MethodName } from '../../shared/api/contract';
import { AppError, type Result } from '../../shared/api/result';
import type { AppContext } from './context';
import type { z } from 'zod';
import { said } from './messages';

/** A service function: validated input in, output out; throws AppError for expected failures. */
export type Handler<M extends MethodName> = (
  ctx: AppContext,
  input: z.output<Contract[M]['input']>,
) => z.input<Contract[M]['output']> | Promise<z.input<Contract[M]['output']>>;

export type Handlers = { [M in MethodName]?: Handler<M> };

/** The one method registry behind IPC, HTTP and the CLI. */
export class Registry {
  private readonly handlers = new Map<string, Handler<MethodName>>();

  constructor(private readonly ctx: AppContext) {}

  /** Adds a domain's handlers; a method served twice is a programming error. */
  register(domain: Handlers): this {
    for (const [name, handler] of Object.entries(domain)) {
      if (!(name in contract)) throw new Error(`Method ${name} is not in the contract.`);
      if (this.handlers.has(name)) throw new Error(`Method ${name} is registered twice.`);
      this.handlers.set(name, handler as Handler<MethodName>);
    }
    return this;
  }

  /** Methods of the contract that nothing serves (tests assert this is empty). */
  missing(): string[] {
    return Object.keys(contract).filter((m) => !this.handlers.has(m));
  }

  /** Validates the input, runs the service, and returns the result as data, never throwing. */
  async call(method: string, rawInput: unknown): Promise<Result<unknown>> {
    const spec = (contract as Record<string, Contract[MethodName]>)[method];
    const handler = this.handlers.get(method);
    if (!spec || !handler) {
      return { ok: false, error: { code: 'unknown_method', message: `Unknown method: ${String(method).slice(0, 100)}` } };
    }
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          code: 'invalid_input',
          message: `Invalid input for ${method}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(input)'}: ${i.message}`).join('; ').slice(0, 500)}`,
          details: { issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })) },
          // zod's own sentences are English: a client says which fields were refused, in its language.
          msg: said('api.invalidInput', { method, fields: [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '–'))].join(', ').slice(0, 300) }),
        },
      };
    }
    try {
      const before = this.ctx.workspace;
      const value = await handler(this.ctx, parsed.data as never);
      const out = spec.output.parse(value);
      if (spec.mutates) {
        // Another workspace (or none) is open now: everything a client shows is stale.
        const changes = this.ctx.workspace !== before || !this.ctx.workspace ? { all: true } : this.ctx.workspace.takeChanges();
        this.ctx.emit('workspace.changed', { method, changes });
      }
      return { ok: true, value: out };
    } catch (err) {
      if (err instanceof AppError) {
        return { ok: false, error: { code: err.code, message: err.message, details: err.details, ...(err.msg ? { msg: err.msg } : {}) } };
      }
      console.error(`[kohtaanto] ${method} failed:`, err);
      return { ok: false, error: { code: 'internal', message: `Internal error in ${method}: ${(err as Error).message ?? String(err)}` } };
    }
  }
}
