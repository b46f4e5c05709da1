/**
 * `tessera connector …`: what a third-party developer runs on their connector folder: init,
 * validate, test (the SDK harness), publish/list/deprecate against a Tessera registry.
 */
import path from 'node:path';
import type { Command } from 'commander';
import { loadConnectorFolder, runFolderFixtures } from '@tessera/connectors/harness';
import { scaffoldConnector } from './scaffold';
import { RegistryError, registryCall, type RegistryOptions } from './registry-client';

interface Out {
  log(line: string): void;
  error(line: string): void;
}

const consoleOut: Out = { log: (l) => console.log(l), error: (l) => console.error(l) };

interface InstalledInfo {
  name: string;
  version: string;
  integrity: string;
  source: string;
  deprecated?: string;
  title: string;
}

/** The folder's manifest, or its problems printed (one per line, each naming its file) and undefined. */
function loadValid(dir: string, out: Out) {
  const folder = loadConnectorFolder(dir);
  if (folder.manifest) return folder;
  out.error(`${path.resolve(dir)}: ${folder.problems.length} problem(s)`);
  for (const p of folder.problems) out.error(`  ${p}`);
  return undefined;
}

function registryOpts(opts: { registry: string; token?: string }): RegistryOptions {
  const token = opts.token ?? process.env.TESSERA_TOKEN;
  return { registry: opts.registry, ...(token ? { token } : {}) };
}

async function withRegistry(out: Out, fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    if (!(err instanceof RegistryError)) throw err;
    out.error(`tessera: ${err.message}`);
    for (const l of err.lines) out.error(l);
    process.exitCode = 1;
  }
}

export function registerConnectorCommands(program: Command, out: Out = consoleOut): void {
  const connector = program
    .command('connector')
    .description('write, test and publish a connector (docs/connectors.md, "Writing a connector")');

  connector
    .command('init')
    .description('scaffold a connector folder with a sample operation and fixtures that pass')
    .argument('<name>', 'the connector name (lower-case, digits, "-")')
    .option('--code', 'add a code operation (handlers/<id>.ts) beside the declarative one')
    .option('--dir <dir>', 'the folder to create (default ./<name>)')
    .action((name: string, opts: { code?: boolean; dir?: string }) => {
      const dir = path.resolve(opts.dir ?? name);
      try {
        const files = scaffoldConnector(dir, name, Boolean(opts.code));
        out.log(`Created ${dir}`);
        for (const f of files) out.log(`  ${f}`);
        out.log(`Next: cd ${path.relative(process.cwd(), dir) || '.'} && tessera connector test`);
      } catch (err) {
        out.error(`tessera: ${(err as Error).message}`);
        process.exitCode = 1;
      }
    });

  connector
    .command('validate')
    .description('assemble the folder into a manifest and check it; problems name their file')
    .argument('[dir]', 'the connector folder', '.')
    .action((dir: string) => {
      const folder = loadValid(dir, out);
      if (!folder?.manifest) return void (process.exitCode = 1);
      const m = folder.manifest;
      out.log(`ok ${m.name}@${m.version}: ${m.operations.length} operation(s), ${folder.fixtures.length} fixture(s)`);
    });

  connector
    .command('test')
    .description('run every fixture against a local replay server with the real executor')
    .argument('[dir]', 'the connector folder', '.')
    .action(async (dir: string) => {
      const folder = loadValid(dir, out);
      if (!folder?.manifest) return void (process.exitCode = 1);
      if (!folder.fixtures.length) {
        out.error('no fixtures: add fixtures/<operation>.<case>.json (see docs/connectors.md)');
        return void (process.exitCode = 1);
      }
      const results = await runFolderFixtures(folder);
      for (const r of results) {
        out.log(`${r.ok ? 'ok  ' : 'FAIL'} ${r.name}`);
        for (const p of r.problems) out.log(`       ${p}`);
      }
      const failed = results.filter((r) => !r.ok).length;
      out.log(`${results.length - failed} passed, ${failed} failed`);
      if (failed) process.exitCode = 1;
    });

  connector
    .command('publish')
    .description("publish the folder's manifest (name@version) to a Tessera registry")
    .argument('[dir]', 'the connector folder', '.')
    .requiredOption('--registry <url>', 'the Tessera server to publish to')
    .option('--token <key>', 'an API key of a builder or admin there (default TESSERA_TOKEN)')
    .action(async (dir: string, opts: { registry: string; token?: string }) => {
      const folder = loadValid(dir, out);
      if (!folder?.manifest) return void (process.exitCode = 1);
      await withRegistry(out, async () => {
        const { status, body } = await registryCall<InstalledInfo>(registryOpts(opts), 'POST', 'api/connectors', folder.manifest);
        out.log(`${status === 201 ? 'Published' : 'Already published, same contents:'} ${body.name}@${body.version} ${body.integrity}`);
      });
    });

  connector
    .command('list')
    .description("the registry's connectors and versions")
    .requiredOption('--registry <url>', 'the Tessera server')
    .option('--token <key>', 'an API key (default TESSERA_TOKEN)')
    .option('--name <name>', 'only this connector')
    .action(async (opts: { registry: string; token?: string; name?: string }) => {
      await withRegistry(out, async () => {
        const { body } = await registryCall<{ items: InstalledInfo[] }>(registryOpts(opts), 'GET', 'api/connectors');
        for (const c of body.items.filter((i) => !opts.name || i.name === opts.name))
          out.log(`${c.name}@${c.version}  ${c.source}  ${c.integrity}${c.deprecated ? `  deprecated: ${c.deprecated}` : ''}`);
      });
    });

  connector
    .command('deprecate')
    .description('mark a published version deprecated (connections in range move to another version when there is one)')
    .argument('<name>')
    .argument('<version>')
    .requiredOption('--registry <url>', 'the Tessera server')
    .option('--token <key>', 'an API key (default TESSERA_TOKEN)')
    .option('-m, --message <text>', 'why, and what to use instead', '')
    .action(async (name: string, version: string, opts: { registry: string; token?: string; message: string }) => {
      await withRegistry(out, async () => {
        const path_ = `api/connectors/${encodeURIComponent(name)}/${encodeURIComponent(version)}/deprecate`;
        const { body } = await registryCall<InstalledInfo>(registryOpts(opts), 'POST', path_, { message: opts.message });
        out.log(`Deprecated ${body.name}@${body.version}: ${body.deprecated}`);
      });
    });
}
