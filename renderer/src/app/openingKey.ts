const keys = new WeakMap<object, number>();
let last = 0;

/**
 * A React key for one opening of a small form (`{ kind, x, y }` put in a store when the form
 * opens): the same object gives the same number, a new opening a new one. Keyed by it, the form
 * starts each opening with state taken from the opening during its first render; an effect that
 * reset the state after the first paint could wipe or mislabel what was typed straight away.
 */
export function openingKey(opening: object): number {
  let key = keys.get(opening);
  if (key === undefined) keys.set(opening, (key = ++last));
  return key;
}
