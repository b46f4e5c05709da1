/**
 * The hand-written Contact server Tessera's records API is measured against: Express 5 +
 * better-sqlite3, real columns, prepared statements, no interpretation of any definition.
 *
 * It does the work a real server must do and that Tessera also does: API-key authentication on
 * every request, validation, unique-email conflicts, keyset pagination, RFC 9457 errors.
 * It deliberately does NOT log requests (Tessera writes one pino line per request) nor set
 * X-Request-Id; how that difference is accounted for is the benchmark's decision, not this server's.
 * Express defaults (ETag on JSON bodies, etc.) are left as they are, as a typical server would.
 *
 * Runnable: `tsx bench/baseline/server.ts --file /tmp/baseline.db --port 0` prints `listening <url>`.
 */
import express, { type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { CONTACT_STATUSES } from '../data/contacts';
import { hashApiKey, openBaselineDb, type Db } from './db';
import { validateContactCreate, type FieldError } from './validate';

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

const COLUMNS = `id, first_name AS firstName, last_name AS lastName, email, phone, status, company, score,
  version, created_at AS createdAt, updated_at AS updatedAt`;
const STATUSES: ReadonlySet<string> = new Set(CONTACT_STATUSES);

interface ListRow {
  id: string;
  lastName: string;
}

/** RFC 9457 problem details, the error format Tessera's API uses (docs/api.md). */
function problem(req: Request, res: Response, status: number, title: string, detail: string, errors?: FieldError[]): void {
  res
    .status(status)
    .type('application/problem+json')
    .json({
      type: 'about:blank',
      title,
      status,
      detail,
      instance: req.originalUrl,
      ...(errors ? { errors: errors.map((e) => ({ pointer: e.field ? `/${e.field}` : '', message: e.message })) } : {}),
    });
}

/** Cursor = base64url([lastName, id]) of the last row of the page: the keyset to continue after. */
function encodeCursor(row: ListRow): string {
  return Buffer.from(JSON.stringify([row.lastName, row.id])).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] | null {
  try {
    const v: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && typeof v[1] === 'string' ? [v[0], v[1]] : null;
  } catch {
    return null;
  }
}

function buildApp(db: Db): express.Express {
  const st = {
    apiKey: db.prepare('SELECT 1 FROM api_keys WHERE key_hash = ?').pluck(),
    get: db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE id = ?`),
    listByStatus: db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE status = ? ORDER BY last_name, id LIMIT ?`),
    listByStatusAfter: db.prepare(
      `SELECT ${COLUMNS} FROM contacts WHERE status = ? AND (last_name, id) > (?, ?) ORDER BY last_name, id LIMIT ?`,
    ),
    listAll: db.prepare(`SELECT ${COLUMNS} FROM contacts ORDER BY last_name, id LIMIT ?`),
    listAllAfter: db.prepare(`SELECT ${COLUMNS} FROM contacts WHERE (last_name, id) > (?, ?) ORDER BY last_name, id LIMIT ?`),
    insert: db.prepare(
      `INSERT INTO contacts (id, first_name, last_name, email, phone, status, company, score, version, created_at, updated_at)
       VALUES (@id, @firstName, @lastName, @email, @phone, @status, @company, @score, 1, @createdAt, @createdAt)`,
    ),
  };

  const authenticate: RequestHandler = (req, res, next) => {
    const header = req.headers.authorization;
    const key = header?.startsWith('Bearer ') ? header.slice(7) : '';
    // Looked up on every request, as a server that can revoke keys must; the hash is cheap.
    if (!key || st.apiKey.get(hashApiKey(key)) === undefined) {
      problem(req, res, 401, 'Unauthorized', 'a valid API key is required');
      return;
    }
    next();
  };

  const app = express();
  app.disable('x-powered-by');
  app.use(authenticate);
  app.use(express.json({ limit: '100kb' }));

  app.get('/contacts/:id', (req, res) => {
    const row = st.get.get(req.params.id);
    if (row === undefined) problem(req, res, 404, 'Not Found', `contact ${req.params.id} not found`);
    else res.json(row);
  });

  app.get('/contacts', (req, res) => {
    const { status, limit: rawLimit, cursor: rawCursor } = req.query;
    const limit = rawLimit === undefined ? 50 : Number(rawLimit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
      problem(req, res, 400, 'Bad Request', 'limit must be an integer between 1 and 1000');
      return;
    }
    if (status !== undefined && (typeof status !== 'string' || !STATUSES.has(status))) {
      problem(req, res, 400, 'Bad Request', `status must be one of ${CONTACT_STATUSES.join(', ')}`);
      return;
    }
    let after: [string, string] | null = null;
    if (rawCursor !== undefined) {
      after = typeof rawCursor === 'string' ? decodeCursor(rawCursor) : null;
      if (!after) {
        problem(req, res, 400, 'Bad Request', 'cursor is invalid');
        return;
      }
    }
    // One row more than asked tells whether another page exists without a COUNT.
    const n = limit + 1;
    const rows = (
      status === undefined
        ? after
          ? st.listAllAfter.all(after[0], after[1], n)
          : st.listAll.all(n)
        : after
          ? st.listByStatusAfter.all(status, after[0], after[1], n)
          : st.listByStatus.all(status, n)
    ) as ListRow[];
    const items = rows.slice(0, limit);
    res.json({ items, nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1]) : null });
  });

  app.post('/contacts', (req, res) => {
    if (!req.is('application/json')) {
      problem(req, res, 415, 'Unsupported Media Type', 'send application/json');
      return;
    }
    const result = validateContactCreate(req.body);
    if (!result.ok) {
      problem(req, res, 400, 'Bad Request', 'the contact is invalid', result.errors);
      return;
    }
    const now = new Date().toISOString();
    const record = { id: randomUUID(), ...result.value, createdAt: now };
    try {
      st.insert.run(record);
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
        problem(req, res, 409, 'Conflict', 'a contact with this email already exists', [{ field: 'email', message: 'must be unique' }]);
        return;
      }
      throw err;
    }
    res
      .status(201)
      .location(`/contacts/${record.id}`)
      .json({ ...record, version: 1, updatedAt: now });
  });

  app.use((req, res) => {
    problem(req, res, 404, 'Not Found', `no route for ${req.method} ${req.path}`);
  });

  const onError: ErrorRequestHandler = (err, req, res, _next) => {
    // body-parser errors carry a 4xx status (malformed JSON 400, too large 413); anything else is ours.
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
    if (status === 500) problem(req, res, 500, 'Internal Server Error', 'internal error');
    else problem(req, res, status, status === 413 ? 'Content Too Large' : 'Bad Request', String(err.message));
  };
  app.use(onError);
  return app;
}

export function startBaselineServer(options: { file: string; port?: number; host?: string }): Promise<BaselineServer> {
  const db = openBaselineDb(options.file);
  const app = buildApp(db);
  const host = options.host ?? '127.0.0.1';
  return new Promise((resolve, reject) => {
    const server = app.listen(options.port ?? 0, host, (err?: Error) => {
      if (err) {
        db.close();
        reject(err);
        return;
      }
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://${host}:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => {
              db.close();
              done();
            });
            server.closeAllConnections(); // keep-alive sockets from the load generator
          }),
      });
    });
  });
}

if (require.main === module) {
  const { values } = parseArgs({ options: { file: { type: 'string' }, port: { type: 'string', default: '0' } } });
  if (!values.file) {
    console.error('usage: server.ts --file <db> [--port <n>]');
    process.exit(2);
  }
  startBaselineServer({ file: values.file, port: Number(values.port) }).then(
    (server) => {
      console.log(`listening ${server.url}`);
      const stop = () => void server.close().then(() => process.exit(0));
      process.once('SIGTERM', stop);
      process.once('SIGINT', stop);
    },
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
