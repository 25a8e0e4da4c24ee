/** One problem with one request field, as the API reports it. */
export interface FieldProblem {
  path: string;
  reason: string;
  message: string;
}

/** Every failed API call becomes this: the server's code, its localised message and the failing fields. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: FieldProblem[] = [],
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNotFound(): boolean {
    return this.status === 404;
  }
}

interface ErrorBody {
  error?: { code?: string; message?: string; fields?: FieldProblem[] };
}

let currentLanguage = 'zh-CN';
let onUnauthenticated: () => void = () => undefined;

/** Server messages come back in the language the user chose in the header. */
export function setApiLanguage(language: string): void {
  currentLanguage = language;
}

/** Called when the session is gone, so the app can send the user to the login page. */
export function setUnauthenticatedHandler(handler: () => void): void {
  onUnauthenticated = handler;
}

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;

export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length) search.set(key, value.join(','));
    } else search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as ErrorBody;
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    body.error?.code ?? `HTTP_${response.status}`,
    body.error?.message ?? response.statusText,
    body.error?.fields ?? [],
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : undefined,
  );
}

/** `file` goes as the raw body instead of `body` as JSON. */
async function send(method: string, path: string, body?: unknown, file?: Blob): Promise<Response> {
  const response = await fetch(`/api${path}`, {
    method,
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': currentLanguage,
      ...(file ? { 'content-type': 'application/octet-stream' } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.code === 'UNAUTHENTICATED') onUnauthenticated();
    throw error;
  }
  return response;
}

export async function apiRequest<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await send(method, path, body);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string) => apiRequest<T>('GET', path),
  post: <T>(path: string, body?: unknown) => apiRequest<T>('POST', path, body),
  patch: <T>(path: string, body: unknown) => apiRequest<T>('PATCH', path, body),
  put: <T>(path: string, body: unknown) => apiRequest<T>('PUT', path, body),
  delete: (path: string) => apiRequest<void>('DELETE', path),
};

/** A page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  total: number;
  nextCursor: string | null;
}

export interface ItemList<T> {
  items: T[];
}

/** Sends a file as the raw request body (streamed to disk by the server) and reads the JSON answer. */
export async function apiUpload<T>(path: string, file: Blob): Promise<T> {
  return (await (await send('POST', path, undefined, file)).json()) as T;
}

/** Posts a request whose answer is a file, and hands that file to the browser as a download. */
export async function apiDownload(path: string, body: unknown, filename: string): Promise<void> {
  const blob = await (await send('POST', path, body)).blob();
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  link.click();
  URL.revokeObjectURL(url);
}
