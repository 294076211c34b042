#!/usr/bin/env node
// The installed `netledger` command: Node 20 cannot run TypeScript itself, so tsx loads the CLI source.
import { register } from 'tsx/esm/api';

register();
// `netledger orgs | head` closes the pipe early; that is not an error.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { runCli } = await import('../hosts/cli.ts');
// Only a person at a terminal can confirm a restore; piped or scripted runs must pass --yes.
const ask = process.stdin.isTTY && process.stdout.isTTY
  ? async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stdout });
      try {
        return await rl.question(question);
      } finally {
        rl.close();
      }
    }
  : undefined;
// A password typed at a terminal is not echoed: readline writes the prompt, then nothing of what is typed.
const askSecret = ask
  ? async (question) => {
      const { createInterface } = await import('node:readline/promises');
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      let prompted = false;
      rl._writeToOutput = (text) => {
        if (!prompted) process.stdout.write(text);
        prompted = true;
      };
      try {
        return await rl.question(question);
      } finally {
        process.stdout.write('\n');
        rl.close();
      }
    }
  : undefined;
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
  ask,
  askSecret,
  errIsTerminal: process.stderr.isTTY === true,
});
