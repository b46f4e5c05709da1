import fs from 'node:fs';
import { Command, InvalidArgumentError } from 'commander';
import { validateDefinition, formatIssues } from '@tessera/core';
import { isFieldEntry, parseRenameSpec, type RenameEntry } from '@tessera/core/renames';
import { startTessera } from './start';
import { withPlatform } from './offline';
import { rotateCommand } from '../platform/credentials/rotate.command';
import { registerConnectorCommands } from './connector/connector.command';

/** `--rename` may be given many times; each is checked as it is read. */
function collectRename(spec: string, list: RenameEntry[]): RenameEntry[] {
  try {
    return [...list, parseRenameSpec(spec)];
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

const program = new Command();
program.name('tessera').description('Tessera: low-code CRM apps from JSON definitions').showHelpAfterError();

program
  .command('start')
  .description('start the platform (PORT, TESSERA_DATA_DIR, TESSERA_DB, TESSERA_ADMIN_EMAIL/PASSWORD)')
  .option('-p, --port <port>', 'port to listen on', (v) => Number(v))
  .option('-d, --data-dir <dir>', 'data directory for the embedded store')
  .action(async (opts: { port?: number; dataDir?: string }) => {
    const running = await startTessera({
      ...(opts.port !== undefined ? { port: opts.port } : {}),
      ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    });
    console.log(`Tessera listening ${running.url} (store: ${running.platform.store.kind})`);
    const shutdown = () => {
      running.stop().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    };
    process.once('SIGINT', shutdown);
    process.once('SIGTERM', shutdown);
  });

program
  .command('validate')
  .description('check app definition files; prints ok or every error as /pointer: message')
  .argument('<files...>')
  .action((files: string[]) => {
    let failed = false;
    for (const file of files) {
      const prefix = files.length > 1 ? `${file}: ` : '';
      let input: unknown;
      try {
        input = JSON.parse(fs.readFileSync(file, 'utf8'));
      } catch (err) {
        console.log(`${prefix}: ${(err as Error).message}`);
        failed = true;
        continue;
      }
      const result = validateDefinition(input);
      if (result.ok) console.log(`${prefix}ok`);
      else {
        failed = true;
        console.log(
          formatIssues(result.errors)
            .split('\n')
            .map((l) => prefix + l)
            .join('\n'),
        );
      }
    }
    process.exitCode = failed ? 1 : 0;
  });

program
  .command('import')
  .description('import an app definition into the data directory (creates it or saves a new draft)')
  .argument('<file>')
  .option('--publish', 'publish it after importing')
  .option('-n, --note <note>', 'publish note')
  .option(
    '-r, --rename <entity.old=new>',
    "a field (entity.oldField=newField) or entity (oldEntity=newEntity) the file renames: added to the draft's rename log, so publishing moves its stored data (repeatable)",
    collectRename,
    [],
  )
  .option('-d, --data-dir <dir>', 'data directory for the embedded store')
  .action(async (file: string, opts: { publish?: boolean; note?: string; rename: RenameEntry[]; dataDir?: string }) => {
    const definition = JSON.parse(fs.readFileSync(file, 'utf8')) as { id?: string };
    await withPlatform(opts.dataDir, async (platform) => {
      const exists = (await platform.apps.list()).some((a) => a.id === definition.id);
      if (!exists && opts.rename.length) {
        console.error(`app "${definition.id}" is new: it has no stored data for --rename to move`);
        process.exitCode = 1;
        return;
      }
      // The renames join the log saved with the draft (a builder's pending renames stay in it).
      const renames = opts.rename.length ? { renames: [...(await platform.apps.get(String(definition.id))).renames, ...opts.rename] } : {};
      const app = exists
        ? await platform.apps.saveDraft(String(definition.id), definition, { userId: null, ...renames })
        : await platform.apps.create(definition, null);
      console.log(`${exists ? 'Saved draft' : 'Created app'} "${app.id}" (revision ${app.revision})`);
      if (app.issues.length) console.log(formatIssues(app.issues));
      const unmoved = opts.rename.filter(
        (r) =>
          !app.renamesToPublish.some(
            (p) => p.to === r.to && (isFieldEntry(r) ? isFieldEntry(p) && p.entity === r.entity : !isFieldEntry(p)),
          ),
      );
      for (const r of unmoved) {
        const spec = isFieldEntry(r) ? `${r.entity}.${r.from}=${r.to}` : `${r.from}=${r.to}`;
        console.error(
          `--rename ${spec} moves no stored data: the old id must be in the published version and the new one in the definition`,
        );
      }
      if (unmoved.length) {
        if (opts.publish) console.error('nothing was published');
        process.exitCode = 1;
        return;
      }
      if (app.renamesToPublish.length) {
        const list = app.renamesToPublish.map((r) => (isFieldEntry(r) ? `${r.entity}.${r.from} -> ${r.to}` : `${r.from} -> ${r.to}`));
        console.log(`${opts.publish ? 'Moving' : 'Publishing will move'} stored data for: ${list.join(', ')}`);
      }
      if (opts.publish) {
        const v = await platform.apps.publish(app.id, { note: opts.note ?? `Imported from ${file}`, userId: null });
        console.log(`Published "${app.id}" version ${v.version}`);
      }
    });
  });

program
  .command('export')
  .description('print an app definition as JSON (the published version by default)')
  .argument('<appId>')
  .option('--draft', 'export the current draft instead')
  .option('--version <n>', 'export this published version', (v) => Number(v))
  .option('-o, --out <file>', 'write to a file instead of stdout')
  .option('-d, --data-dir <dir>', 'data directory for the embedded store')
  .action(async (appId: string, opts: { draft?: boolean; version?: number; out?: string; dataDir?: string }) => {
    await withPlatform(opts.dataDir, async (platform) => {
      let definition: unknown;
      if (opts.draft) definition = (await platform.apps.get(appId)).draft;
      else if (opts.version) definition = (await platform.apps.version(appId, opts.version)).definition;
      else {
        const published = await platform.apps.getPublished(appId, { fresh: true });
        definition = published ? published.definition : (await platform.apps.get(appId)).draft;
      }
      const text = `${JSON.stringify(definition, null, 2)}\n`;
      if (opts.out) fs.writeFileSync(opts.out, text);
      else process.stdout.write(text);
    });
  });

const secrets = program.command('secrets').description("the credentials vault's keys (TESSERA_SECRET, TESSERA_SECRET_PREVIOUS)");
secrets
  .command('rotate')
  .description('re-encrypt every stored credential with the primary key (TESSERA_SECRET), in batches; run it again if cut short')
  .option('--batch <n>', 'credentials re-encrypted per transaction', (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1 || n > 1000) throw new InvalidArgumentError('a whole number from 1 to 1000');
    return n;
  })
  .option('-d, --data-dir <dir>', 'data directory for the embedded store')
  .action(async (opts: { batch?: number; dataDir?: string }) => {
    await withPlatform(opts.dataDir, async (platform) => {
      if (!(await rotateCommand(platform, opts.batch ?? 100, (line) => console.log(line)))) process.exitCode = 1;
    });
  });

registerConnectorCommands(program);

program.parseAsync().catch((err: unknown) => {
  const e = err as { detail?: string; message?: string; extra?: { errors?: Array<{ pointer: string; message: string }> } };
  console.error(`tessera: ${e.detail ?? e.message ?? String(err)}`);
  if (e.extra?.errors) console.error(formatIssues(e.extra.errors));
  process.exit(1);
});
