/** A Graph error as thrown by handlers; turned into Graph's error body by the dispatcher. */
export class GraphError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly options: { innerCode?: string; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    innerError: { code?: string; date: string; 'request-id': string; 'client-request-id': string };
  };
}

/** Graph's `innerError.date`: ISO seconds without a `Z`. */
export function graphErrorDate(now = new Date()): string {
  return now.toISOString().slice(0, 19);
}

export function errorBody(err: GraphError, requestId: string, clientRequestId: string): GraphErrorBody {
  const innerError: GraphErrorBody['error']['innerError'] = {
    date: graphErrorDate(),
    'request-id': requestId,
    'client-request-id': clientRequestId,
  };
  if (err.options.innerCode) innerError.code = err.options.innerCode;
  return { error: { code: err.code, message: err.message, innerError } };
}

export const badRequest = (message: string, code = 'invalidRequest'): GraphError => new GraphError(400, code, message);
export const notFound = (message = 'The resource could not be found.', code = 'itemNotFound'): GraphError =>
  new GraphError(404, code, message);
export const accessDenied = (message = 'Access denied. You do not have permission to perform this action or access this resource.'): GraphError =>
  new GraphError(403, 'accessDenied', message);
