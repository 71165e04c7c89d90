import { GraphError } from '../core/graph-error.ts';

/** SharePoint's eTag text: `"{guid},{version}"` (the quotes are part of the value). */
export function entityTag(uid: string, version: number): string {
  return `"${uid},${version}"`;
}

/**
 * Checks an If-Match header against the current tag: absent or `*` passes, an unquoted tag is
 * 400 malformedEntityTag, another tag is 412 resourceModified.
 */
export function checkIfMatch(header: string | undefined, current: string): void {
  if (header === undefined) return;
  const value = header.trim();
  if (value === '*') return;
  const tag = value.startsWith('W/') ? value.slice(2) : value;
  if (tag.length < 2 || !tag.startsWith('"') || !tag.endsWith('"')) {
    throw new GraphError(400, 'invalidRequest', 'ETags must be quoted strings', { innerCode: 'malformedEntityTag' });
  }
  if (tag.toLowerCase() !== current.toLowerCase()) {
    throw new GraphError(412, 'resourceModified', 'The resource has changed since the caller last read it; usually an eTag mismatch', {
      innerCode: 'entityTagDoesNotMatch',
    });
  }
}
