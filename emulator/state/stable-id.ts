import { createHash } from 'node:crypto';

/** A deterministic GUID (UUID v5 layout) derived from the given parts. */
export function stableGuid(...parts: readonly (string | number)[]): string {
  const hash = createHash('sha1').update(parts.join('\u001f')).digest();
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A deterministic 32-hex-digit token (used in Teams thread ids). */
export function stableHex32(...parts: readonly (string | number)[]): string {
  return stableGuid(...parts).replaceAll('-', '');
}
