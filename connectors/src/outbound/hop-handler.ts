/**
 * One request/response on the wire, as an undici dispatch handler: it collects the body while
 * enforcing the size cap (the connection is cut the moment the cap is passed), and it can be
 * failed from outside (total timeout, the caller's signal) at any point, even before the
 * connection exists. No stream objects are made: this is the hot path.
 */
import type { Dispatcher } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';

type Controller = Dispatcher.DispatchController;

export class HopHandler implements Dispatcher.DispatchHandler {
  status = 0;
  headers: IncomingHttpHeaders = {};
  private chunks: Buffer[] = [];
  private size = 0;
  private controller: Controller | null = null;
  private failure: Error | null = null;
  private settled = false;
  /** A redirect about to be followed: its body is counted, not kept. */
  private discard = false;

  constructor(
    private readonly maxBytes: number,
    /** Whether a response with this status and headers is a redirect that will be followed. */
    private readonly follows: (status: number, headers: IncomingHttpHeaders) => boolean,
    private readonly tooLarge: () => Error,
    private readonly resolve: (hop: HopHandler) => void,
    private readonly reject: (err: unknown) => void,
  ) {}

  get redirecting(): boolean {
    return this.discard;
  }

  /** The body read so far (all of it once resolved). */
  body(): Uint8Array {
    if (this.chunks.length === 1) return this.chunks[0];
    return Buffer.concat(this.chunks, this.size);
  }

  /** Fails the hop now and cuts its connection (if it has one yet). */
  fail(err: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.failure = err;
    this.reject(err);
    this.controller?.abort(err);
  }

  onRequestStart(controller: Controller): void {
    this.controller = controller;
    // Failed while waiting for a connection: do not send it at all.
    if (this.failure) controller.abort(this.failure);
  }

  onResponseStart(controller: Controller, status: number, headers: IncomingHttpHeaders): void {
    this.status = status;
    this.headers = headers;
    if (this.follows(status, headers)) {
      this.discard = true;
      return;
    }
    const length = headers['content-length'];
    if (typeof length === 'string' && Number(length) > this.maxBytes) this.fail(this.tooLarge());
  }

  onResponseData(controller: Controller, chunk: Buffer): void {
    if (this.settled) return;
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      if (!this.discard) return this.fail(this.tooLarge());
      // A redirect with a huge body: follow it now and drop this connection.
      this.settled = true;
      this.resolve(this);
      controller.abort(new Error('redirect body discarded'));
      return;
    }
    if (!this.discard) this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.settled) return;
    this.settled = true;
    // undici hands the socket back to its pool in a setImmediate scheduled right after this
    // call; resolving after it lets the caller's next request reuse this connection.
    queueMicrotask(() => setImmediate(this.resolve, this));
  }

  onResponseError(_controller: Controller, err: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(err);
  }
}
