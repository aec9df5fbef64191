/**
 * Proxies that are only scalar properties (the conditional-format fill, font and rule, …), generated from one
 * description each: the property names, how each is read from the target and, for a writable one, how it is set.
 * The generated class behaves as the hand-written ones did: `load`/`toJSON` see `scalars()`, a getter reads through
 * `get` (so an unloaded property throws as in Office), a setter queues through `mutate`, and a property without
 * `write` has no setter.
 */
import { FakeProxy, FakeRequestContext, Resolver } from './runtime';

export type ScalarSpec<T, S> = {
  [K in keyof S]: { read(target: T): S[K]; write?(target: T, value: S[K]): void };
};

export type ScalarProxyClass<T, S> = new (
  ctx: FakeRequestContext,
  resolver: Resolver<T>,
  nullable?: boolean,
) => FakeProxy<T> & S;

export function scalarProxy<T, S extends object>(
  name: string,
  spec: ScalarSpec<T, S>,
): ScalarProxyClass<T, S> {
  const props = Object.keys(spec) as (keyof S & string)[];
  class ScalarProxy extends FakeProxy<T> {
    protected scalars(): string[] {
      return [...props];
    }
    protected readScalar(target: T, prop: string): unknown {
      return Object.prototype.hasOwnProperty.call(spec, prop)
        ? spec[prop as keyof S].read(target)
        : undefined;
    }
  }
  Object.defineProperty(ScalarProxy, 'name', { value: name });
  for (const prop of props) {
    const { write } = spec[prop];
    Object.defineProperty(ScalarProxy.prototype, prop, {
      configurable: true,
      get(this: ScalarProxy) {
        return (this as unknown as { get(p: string): unknown }).get(prop);
      },
      set: write
        ? function (this: ScalarProxy, v: S[typeof prop]) {
            (this as unknown as { mutate(fn: (t: T) => void): void }).mutate((t) => write(t, v));
          }
        : undefined,
    });
  }
  return ScalarProxy as unknown as ScalarProxyClass<T, S>;
}
