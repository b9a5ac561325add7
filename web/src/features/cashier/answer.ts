/**
 * An HTTP answer as the outbox's rules read it (void-sale.ts, savings-deposit.ts): its status and,
 * for a problem, its code and detail; or no answer at all (offline, the connection dropped).
 */
export type Answer = { status: number; code?: string; message?: string } | 'noAnswer';

/** Sends a request (openapi-fetch) and reads its answer. */
export async function answerOf(
  send: () => Promise<{ response: Response; error?: unknown }>,
): Promise<Answer> {
  try {
    const res = await send();
    const p = (res.error ?? {}) as { code?: string; detail?: string };
    return {
      status: res.response.status,
      ...(p.code ? { code: p.code } : {}),
      ...(p.detail ? { message: p.detail } : {}),
    };
  } catch {
    return 'noAnswer';
  }
}
