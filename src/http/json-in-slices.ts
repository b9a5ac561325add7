import { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { FastifyReply } from 'fastify';

/** Items of the long list written per turn of the event loop. */
const SLICE = 1_000;

/**
 * A JSON answer whose one long list (`key`, written last) goes out a slice at
 * a time, with a turn of the event loop between slices. A roster import that
 * rejects 50,000 rows reports them in ~13 MB of JSON: serialized in one go,
 * that held every other request up for a few hundred milliseconds. The text
 * is `JSON.stringify`'s, so the value must already have the answer's shape
 * (the route's response schema does not filter it).
 */
export function sendJsonInSlices<T extends object>(
  reply: FastifyReply,
  value: T,
  key: keyof T & string,
): FastifyReply {
  const { [key]: list, ...rest } = value;
  const items = list as unknown[];
  const head = JSON.stringify(rest);
  async function* pieces() {
    yield `${head.slice(0, -1)}${head === '{}' ? '' : ','}${JSON.stringify(key)}:[`;
    for (let i = 0; i < items.length; i += SLICE) {
      if (i > 0) await nextTurn();
      const slice = items.slice(i, i + SLICE).map((x) => JSON.stringify(x));
      yield (i > 0 ? ',' : '') + slice.join(',');
    }
    yield ']}';
  }
  return reply
    .type('application/json; charset=utf-8')
    .send(Readable.from(pieces(), { objectMode: false }));
}
