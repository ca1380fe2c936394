import { GalleyError } from '../../app/errors.js';
import { type Command, EXIT, UsageError } from './io.js';

// Each command lives in its own module, loaded only when asked for, so `galley segment` doesn't open SQLite.
const commands: Record<string, () => Promise<{ command: Command }>> = {
  import: () => import('./commands/import.js'),
  export: () => import('./commands/export.js'),
  check: () => import('./commands/check.js'),
  segment: () => import('./commands/segment.js'),
  eval: () => import('./commands/eval.js'),
  bench: () => import('./commands/bench.js'),
  profile: () => import('./commands/profile.js'),
  delete: () => import('./commands/trash.js').then((m) => ({ command: m.deleteCommand })),
  restore: () => import('./commands/trash.js').then((m) => ({ command: m.restoreCommand })),
  purge: () => import('./commands/trash.js').then((m) => ({ command: m.purgeCommand })),
};

async function help(): Promise<string> {
  const lines = ['usage: galley <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(commands)) {
    const { command } = await load();
    lines.push(`  ${name.padEnd(8)} ${command.summary}`);
  }
  lines.push('', 'galley <command> --help prints the command\'s options.');
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(await help());
    return name ? EXIT.ok : EXIT.usage;
  }
  const load = commands[name];
  if (!load) {
    console.error(`galley: unknown command '${name}'\n\n${await help()}`);
    return EXIT.usage;
  }
  const { command } = await load();
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage);
    return EXIT.ok;
  }
  try {
    return await command.run(rest);
  } catch (err) {
    if (err instanceof UsageError) {
      console.error(`galley ${name}: ${err.message}\n\n${command.usage}`);
      return EXIT.usage;
    }
    if (err instanceof GalleyError) {
      console.error(`galley ${name}: ${err.message}`);
      return EXIT.badInput;
    }
    // A bug, not bad input: still one line for the user; GALLEY_DEBUG=1 shows the stack.
    const message = err instanceof Error ? err.message : String(err);
    console.error(`galley ${name}: internal error: ${message.split('\n')[0]}`);
    if (process.env.GALLEY_DEBUG) console.error(err);
    return EXIT.badInput;
  }
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => { console.error(`galley: ${err instanceof Error ? err.message : String(err)}`); process.exitCode = EXIT.badInput; },
);
