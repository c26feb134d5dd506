/**
 * items[i] where a test needs the item itself (to pass it on), failing the
 * test with a clear message when it is not there: with
 * noUncheckedIndexedAccess, this instead of a non-null assertion.
 */
export function nth<T>(items: ArrayLike<T>, i = 0): T {
  const item = items[i];
  if (item === undefined) throw new Error(`expected an item at ${i}, but there are ${items.length}`);
  return item;
}
