import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');

export interface ChildServer {
  child: ChildProcess;
  url: string;
  /** Everything the process printed so far (stdout and stderr: its log lines included). */
  output(): string;
  /** SIGKILL: the process dies mid-work, as in a crash; resolves once it is gone. */
  kill(): Promise<void>;
}

/**
 * `tessera start` in its own process on an existing data directory: a second runtime sharing the
 * store, or one that can really die (SIGKILL) without taking the test process with it. `env` adds
 * to (or overrides) its environment, e.g. `LOG_LEVEL` to read its log through `output()`.
 */
export async function startChild(dataDir: string, port = 0, env: NodeJS.ProcessEnv = {}): Promise<ChildServer> {
  const child = spawn(
    process.execPath,
    [path.join(root, 'runtime/bin/tessera.js'), 'start', '--port', String(port), '--data-dir', dataDir],
    {
      cwd: root,
      env: { ...process.env, HOST: '127.0.0.1', LOG_LEVEL: 'silent', TESSERA_EXAMPLES: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let out = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    process.stderr.write(chunk); // still shown, as when it was inherited
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`tessera start exited (${code}): ${out}`)));
  });
  return {
    child,
    url,
    output: () => out,
    kill: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGKILL');
      }),
  };
}
