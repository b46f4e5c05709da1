/**
 * Starts a server as a child process and waits until it prints `listening <url>`.
 * TypeScript scripts run as `node --import tsx script.ts` rather than through the `tsx` CLI: the
 * CLI forks a second node process, and then `pid` (used for RSS) would be the wrapper's, not the
 * server's.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';

export interface ChildOptions {
  /** A `.ts` file (run through tsx) or a `.js`/`.mjs` file (run by node). */
  script: string;
  args?: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** How long to wait for the `listening` line; default 30 s. */
  timeoutMs?: number;
  /** Extra node flags, e.g. `--max-old-space-size=4096`. */
  nodeArgs?: string[];
}

export interface RunningChild {
  url: string;
  pid: number;
  process: ChildProcess;
  /** SIGTERM, then SIGKILL after 5 s; resolves once the process has exited. */
  stop(): Promise<void>;
}

const LISTENING = /listening (http\S+)/;
const running = new Set<ChildProcess>();
let hooked = false;

/** Children must not outlive the benchmark, however it ends. */
function hookExit(): void {
  if (hooked) return;
  hooked = true;
  process.on('exit', () => {
    for (const c of running) c.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      for (const c of running) c.kill('SIGKILL');
      process.kill(process.pid, signal); // the handler ran once; re-raise for the default exit
    });
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export function startChild(options: ChildOptions): Promise<RunningChild> {
  hookExit();
  const isTs = /\.[cm]?tsx?$/.test(options.script);
  const loader = isTs ? ['--import', pathToFileURL(require.resolve('tsx')).href] : [];
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), ...loader, options.script, ...(options.args ?? [])], {
    cwd: options.cwd,
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  child.once('exit', () => running.delete(child));

  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited(child);
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const fail = (why: string) => {
      cleanup();
      void stop();
      reject(new Error(`${options.script}: ${why}${stderr ? `\n${stderr.slice(-2000)}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no "listening <url>" line within ${options.timeoutMs ?? 30000} ms`), options.timeoutMs ?? 30000);
    const onStdout = (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
      const m = LISTENING.exec(stdout);
      if (!m) return;
      cleanup();
      // Keep draining the pipes so a chatty child never blocks on a full pipe buffer.
      child.stdout?.resume();
      resolve({ url: m[1], pid: child.pid!, process: child, stop });
    };
    const onStderr = (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000); // only the tail is ever shown
    };
    const onExit = (code: number | null, signal: string | null) => fail(`exited before listening (code ${code}, signal ${signal})`);
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onStdout);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const onError = (err: Error) => fail(err.message);
    child.stdout?.on('data', onStdout);
    child.stderr?.on('data', onStderr);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}
