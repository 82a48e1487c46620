import { parseArgs } from 'node:util';
import { AppError } from '../../shared/api/result';
import { UsageError, type Command } from './common';
import { ioCommands } from './commands/io';
import { pictureCommands } from './commands/picture';
import { recommendCommands } from './commands/recommend';
import { reportCommands } from './commands/report';
import { remoteCommands } from './commands/remote';
import { workspaceCommands } from './commands/workspace';
import { courseCommands } from './commands/course';

/** Every sub-command; each domain adds its own table here. */
const COMMANDS: Record<string, Command> = {
  ...workspaceCommands,
  ...ioCommands,
  ...recommendCommands,
  ...pictureCommands,
  ...reportCommands,
  ...remoteCommands,
  ...courseCommands,
};

function help(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(8)} ${c.summary}`);
  return `Kohtaanto: map a service ecosystem and test how needs and supply match.\n\nUsage: kohtaanto <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun "kohtaanto <command> --help" for a command's options.`;
}

/** Runs the CLI; returns the exit code. Errors print one clear line. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(help());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS[name];
  if (!cmd) {
    console.error(`kohtaanto: unknown command "${name}". Run "kohtaanto --help".`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(`Usage: ${cmd.usage}`);
    return 0;
  }
  try {
    const parsed = parseArgs({ args: rest, options: cmd.options, allowPositionals: true, strict: true });
    return await cmd.run(parsed as { values: Record<string, unknown>; positionals: string[] });
  } catch (err) {
    if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error(`kohtaanto ${name}: ${(err as Error).message}\nUsage: ${cmd.usage.split('\n')[0]}`);
      return 2;
    }
    if (err instanceof AppError) {
      console.error(`kohtaanto ${name}: ${err.message}`);
      return 1;
    }
    console.error(`kohtaanto ${name}: ${(err as Error).message ?? String(err)}`);
    return 1;
  }
}

