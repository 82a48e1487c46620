/**
 * The network analysis depends on exactly which nodes and links it is given, so its cache is
 * keyed on their content: counts alone would let "unlink A–B, link A–C" reuse a stale result.
 */
export function analysisInputKey(
  nodes: ReadonlyArray<{ id: string; kind: string }>,
  links: ReadonlyArray<{ type: string; source: string; target: string }>,
  scope: string,
): string {
  const parts = [scope, ...nodes.map((n) => `n\u0001${n.kind}\u0001${n.id}`).sort(), ...links.map((l) => `l\u0001${l.type}\u0001${l.source}\u0001${l.target}`).sort()];
  // Two independent 32-bit FNV-1a hashes (different offsets) plus the length: a
  // collision would need all three to agree, and the key stays small on a 50,000-node map.
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  let length = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 13);
    }
    a = Math.imul(a ^ 0x1f, 0x01000193);
    b = Math.imul(b ^ 0x1f, 0x01000193) ^ (b >>> 13);
    length += part.length + 1;
  }
  return `${length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}
