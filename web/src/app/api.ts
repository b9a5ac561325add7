import createClient from 'openapi-fetch';
import type { paths } from './api-types.ts';

function csrfToken(): string | undefined {
  return document.cookie
    .split('; ')
    .find((c) => c.startsWith('lumbung_csrf='))
    ?.slice('lumbung_csrf='.length);
}

/** The API client, typed from the server's OpenAPI document; the session cookie authenticates. */
export const api = createClient<paths>({ baseUrl: '/' });

api.use({
  onRequest({ request }) {
    const token = csrfToken();
    if (token && request.method !== 'GET') request.headers.set('x-csrf-token', token);
    request.headers.set('accept-language', localStorage.getItem('lumbung.lang') ?? 'id');
    return request;
  },
});

export interface Problem {
  code: string;
  title: string;
  detail: string;
  errors?: { path: string; message: string }[];
}

/** Unwraps a response: the data, or throws the server's problem so screens can show its words. */
export function unwrap<T>(res: { data?: T; error?: unknown; response: Response }): T {
  if (res.error !== undefined || !res.response.ok) {
    const p = (res.error ?? {}) as Partial<Problem>;
    throw Object.assign(new Error(p.detail ?? res.response.statusText), {
      problem: p,
      status: res.response.status,
    });
  }
  return res.data as T;
}
