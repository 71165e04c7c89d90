export const JSON_CONTENT_TYPE = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';

export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, PATCH, PUT, DELETE, OPTIONS',
  'Access-Control-Allow-Headers':
    'Authorization, Content-Type, If-Match, If-None-Match, Prefer, client-request-id, SdkVersion, Retry-Attempt, ConsistencyLevel',
  'Access-Control-Expose-Headers': 'ETag, Retry-After, request-id, client-request-id, Location',
  'Access-Control-Max-Age': '600',
};
