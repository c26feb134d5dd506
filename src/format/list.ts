// Lists inside messages: "valid themes: a, b, c". A facts file may hold
// thousands; a message names the first few and how many there are.

const MAX_LISTED = 20;

/** "a, b, c", or "a, b, …, t (and 980 more)" past `max` items. */
export function listed(items: readonly string[], max = MAX_LISTED): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')}, … (${items.length - max} more)`;
}
