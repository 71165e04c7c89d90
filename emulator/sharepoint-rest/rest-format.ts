/**
 * SharePoint REST (OData v3) payloads: JSON light (`Accept: application/json`, `…;odata=minimalmetadata`,
 * `…;odata=nometadata`) and verbose (`…;odata=verbose`, wrapped in `{"d": …}`). Light JSON was added
 * to SharePoint Online's REST API in 2014; plain `application/json` means minimalmetadata
 * [blog: blogs.office.com 2014-08-13 "JSON Light support in REST SharePoint API released"] (facts §15.3).
 */

export type RestFormat = 'verbose' | 'minimalmetadata' | 'nometadata';

/**
 * The JSON format asked for by `Accept`, or undefined when the client did not ask for JSON.
 * SharePoint answers such a request in Atom XML, which the emulator does not render: it refuses it
 * with 406 instead, so that a client that forgot `Accept: application/json` fails here as it would
 * against SharePoint (where parsing the XML as JSON fails).
 */
export function negotiateFormat(accept: string | undefined): RestFormat | undefined {
  for (const range of (accept ?? '').split(',')) {
    const [type, ...params] = range.split(';').map((p) => p.trim().toLowerCase());
    if (type !== 'application/json') continue;
    const odata = params.find((p) => p.startsWith('odata='))?.slice('odata='.length);
    if (odata === 'verbose') return 'verbose';
    if (odata === 'nometadata') return 'nometadata';
    return 'minimalmetadata';
  }
  return undefined;
}

export function contentType(format: RestFormat): string {
  return format === 'verbose' ? 'application/json;odata=verbose;charset=utf-8' : `application/json;odata=${format};streaming=true;charset=utf-8`;
}

/** An SP entity to render: its type (e.g. 'SP.List'), its path below `_api/` and its properties. */
export interface RestEntity {
  readonly kind: 'entity';
  readonly type: string;
  readonly path: string;
  readonly props: Record<string, unknown>;
}

export const entity = (type: string, path: string, props: Record<string, unknown>): RestEntity => ({ kind: 'entity', type, path, props });

const isEntity = (v: unknown): v is RestEntity => typeof v === 'object' && v !== null && (v as { kind?: unknown }).kind === 'entity';

function renderValue(value: unknown, format: RestFormat, apiUrl: string): unknown {
  if (isEntity(value)) return renderEntity(value, format, apiUrl);
  if (Array.isArray(value)) {
    const items = value.map((v) => renderValue(v, format, apiUrl));
    return format === 'verbose' ? { results: items } : items;
  }
  return value;
}

function renderEntity(e: RestEntity, format: RestFormat, apiUrl: string): Record<string, unknown> {
  const props = Object.fromEntries(Object.entries(e.props).map(([k, v]) => [k, renderValue(v, format, apiUrl)]));
  if (format === 'nometadata') return props;
  const id = `${apiUrl}/${e.path}`;
  if (format === 'verbose') return { __metadata: { id, uri: id, type: e.type }, ...props };
  return { 'odata.type': e.type, 'odata.id': id, 'odata.editLink': e.path, ...props };
}

/** `$select` on an entity: only the named properties (a `Nav/Prop` path keeps `Nav`); unknown names are refused by the caller. */
export function selectProps(e: RestEntity, select: readonly string[] | null): RestEntity {
  if (!select) return e;
  const wanted = new Set(select.map((s) => (s.split('/')[0] ?? s).toLowerCase()));
  return { ...e, props: Object.fromEntries(Object.entries(e.props).filter(([k]) => wanted.has(k.toLowerCase()))) };
}

const metadata = (format: RestFormat, apiUrl: string, fragment: string): Record<string, unknown> =>
  format === 'minimalmetadata' ? { 'odata.metadata': `${apiUrl}/$metadata#${fragment}` } : {};

/** An entity response: `{ …props }` in light JSON, `{"d": { __metadata, …props }}` in verbose. */
export function entityBody(e: RestEntity, format: RestFormat, apiUrl: string, metadataFragment: string): unknown {
  const rendered = renderEntity(e, format, apiUrl);
  return format === 'verbose' ? { d: rendered } : { ...metadata(format, apiUrl, metadataFragment), ...rendered };
}

/** A collection response: `{ "value": [...] }` in light JSON, `{"d": {"results": [...]}}` in verbose. */
export function collectionBody(items: readonly RestEntity[], format: RestFormat, apiUrl: string, metadataFragment: string): unknown {
  const rendered = items.map((e) => renderEntity(e, format, apiUrl));
  return format === 'verbose' ? { d: { results: rendered } } : { ...metadata(format, apiUrl, metadataFragment), value: rendered };
}

/** A single property (e.g. `…/id`): `{ "value": v }` in light JSON, `{"d": { Name: v }}` in verbose. */
export function propertyBody(name: string, value: unknown, format: RestFormat, apiUrl: string, metadataFragment: string): unknown {
  return format === 'verbose' ? { d: { [name]: value } } : { ...metadata(format, apiUrl, metadataFragment), value };
}

/**
 * The answer of a method that returns nothing (breakroleinheritance, addroleassignment, …):
 * 200 `{"odata.null": true}` in light JSON, `{"d": {"<Method>": null}}` in verbose. What SharePoint
 * sends here is not confirmed (facts §15.3: pnpjs ignores the body); clients should test the status only.
 */
export function voidBody(methodName: string, format: RestFormat, apiUrl: string): unknown {
  return format === 'verbose' ? { d: { [methodName]: null } } : { ...metadata(format, apiUrl, 'Edm.Null'), 'odata.null': true };
}

/**
 * A SharePoint REST error. The body is `{"error": {"code": "<HRESULT>, <exception>", "message":
 * {"lang": "en-US", "value": "…"}}}` in verbose JSON [issue: pnp/pnpjs#259; vgrem/phpSPO#272] and
 * `{"odata.error": {…same…}}` in light JSON, as SharePoint Online answers pnpjs's
 * `Accept: application/json` [issue: pnp/pnpjs#1830]. Clients should read either.
 */
export class SpRestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'SpRestError';
  }
}

export function errorBody(err: SpRestError, format: RestFormat | undefined): unknown {
  const error = { code: err.code, message: { lang: 'en-US', value: err.message } };
  return format === undefined || format === 'verbose' ? { error } : { 'odata.error': error };
}

/** 403 for a caller without the needed permission (facts §15.7, [issue: pnp/pnpjs#259]). */
export const spAccessDenied = (): SpRestError =>
  new SpRestError(403, '-2147024891, System.UnauthorizedAccessException', 'Access denied. You do not have permission to perform this action or access this resource.');

/** 404 for something that does not exist (code as for a missing list; the exact text for each case is not confirmed). */
export const spNotFound = (message: string): SpRestError => new SpRestError(404, '-1, System.ArgumentException', message);

/** 400 for an invalid request URL, query or body (SharePoint's client query exception; texts not confirmed). */
export const spBadQuery = (message: string): SpRestError => new SpRestError(400, '-1, Microsoft.SharePoint.Client.InvalidClientQueryException', message);
