import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

describe('npm run mock-shop', () => {
  it('starts the shop with one command and prints its URL and API key', async () => {
    const script = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts['mock-shop'];
    expect(script).toBe('tsx examples/mock-shop/start.ts');
    const child = spawn(
      process.execPath,
      [require.resolve('tsx/cli'), 'examples/mock-shop/start.ts', '--port', '0', '--api-key', 'cli-key-123456'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    try {
      let out = '';
      const printed = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes('API key')) resolve(out);
        });
        child.once('exit', (code) => reject(new Error(`exited with ${code}: ${out}`)));
      });
      const url = /Mock shop at (http:\/\/127\.0\.0\.1:\d+)/.exec(printed)![1];
      expect(printed).toContain('API key (header X-Api-Key): cli-key-123456');
      const res = await fetch(`${url}/products?limit=1`, { headers: { 'x-api-key': 'cli-key-123456' } });
      expect(res.status).toBe(200);
    } finally {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
    }
  });
});
