/**
 * The raw request body, refused once it passes `max` bytes: by Content-Length before reading
 * anything, else while streaming (a chunked body), so a huge delivery is never held in memory.
 */
import type { IncomingMessage } from 'node:http';
import { Problem } from '../../http/problem';

const tooLarge = (max: number) => new Problem(413, 'Payload too large', `a delivery may have at most ${max} bytes`);

export function readCappedBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > max) {
    req.resume(); // drain without keeping it, so the answer can be sent on this connection
    return Promise.reject(tooLarge(max));
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > max) {
        done = true;
        chunks.length = 0;
        req.resume();
        reject(tooLarge(max));
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => !done && ((done = true), resolve(Buffer.concat(chunks))));
    req.on('error', (err) => !done && ((done = true), reject(err)));
  });
}
