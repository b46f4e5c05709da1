export interface SseEvent {
  event: string;
  id?: string;
  data?: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  comment?: string;
}

export interface SseStream {
  status: number;
  events: SseEvent[];
  /** Resolves with the first event (already received or coming) that matches, or rejects after `ms`. */
  next(match: (e: SseEvent) => boolean, ms?: number): Promise<SseEvent>;
  close(): void;
  /** True once the server ended the stream cleanly; false if it broke or was aborted. */
  ended: Promise<boolean>;
}

/** A real SSE client: fetch + a stream reader, parsing frames as EventSource would. */
export async function openSse(url: string, headers: Record<string, string>): Promise<SseStream> {
  const abort = new AbortController();
  const res = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: abort.signal });
  const events: SseEvent[] = [];
  const waiters: Array<() => void> = [];
  let settle: (clean: boolean) => void = () => {};
  const ended = new Promise<boolean>((resolve) => (settle = resolve));
  if (res.ok && res.body) {
    const reader = res.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            settle(true);
            break;
          }
          buffer += decoder.decode(value, { stream: true });
          let cut: number;
          while ((cut = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, cut);
            buffer = buffer.slice(cut + 2);
            const e: SseEvent = { event: 'message' };
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) e.comment = line.slice(1).trim();
              else if (line.startsWith('event: ')) e.event = line.slice(7);
              else if (line.startsWith('id: ')) e.id = line.slice(4);
              else if (line.startsWith('data: ')) e.data = JSON.parse(line.slice(6));
              else if (line.startsWith('retry: ')) e.event = 'retry';
            }
            if (e.comment !== undefined) e.event = 'comment';
            events.push(e);
            waiters.splice(0).forEach((w) => w());
          }
        }
      } catch {
        settle(false); // aborted, or the connection was cut
      }
    })();
  } else {
    await res.text().catch(() => undefined);
    settle(true);
  }
  return {
    status: res.status,
    events,
    ended,
    close: () => abort.abort(),
    next(match, ms = 3000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${ms} ms; got ${JSON.stringify(events)}`)), ms);
        const check = () => {
          const found = events.find(match);
          if (found) {
            clearTimeout(timer);
            resolve(found);
          } else waiters.push(check);
        };
        check();
      });
    },
  };
}
