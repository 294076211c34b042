/**
 * A scripted command (a scheduled `netledger backup 2>>backup.log`, password from NETLEDGER_PASSWORD, nobody at a
 * terminal) run as the administrator on a register of an earlier release encrypts it — and must not write the only
 * valid recovery code into a log (a leak) or /dev/null (lost): the code stays owed for the next administrator's
 * sign-in. At a terminal the code is printed, and counts as copied once the person answers y.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { valueOf } from '../../src/contract/contract.js';
import { readKeyStore } from '../../src/db/keys.js';
import { signInFromCli } from '../../src/hosts/cliSignIn.js';
import { openLedger } from '../../src/hosts/ledger.js';
import { msg } from '../../src/i18n/messages.js';
import { cli, tempDir } from '../support/dataFolder.js';
import { ADMIN, ADMIN_PASSWORD, legacyRegister } from '../support/legacyRegister.js';

const root = tempDir('crypt-scripted-cli');
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const RECOVERY_IN_TEXT = /([2-9A-HJKMNP-Z]{5}(?:-[2-9A-HJKMNP-Z]{5}){4})/;

it('a scheduled backup encrypts the register but prints no recovery code; the window\'s next sign-in shows one', async () => {
  const dir = path.join(root, 'scheduled');
  await legacyRegister(dir);
  const scheduled = await cli(['backup', '--data-dir', dir]);
  expect(scheduled.code).toBe(0);
  // What went to the log file of the scheduled task: that it was encrypted, and where the code will be shown.
  expect(RECOVERY_IN_TEXT.exec(scheduled.err)).toBeNull();
  expect(scheduled.err).toContain(msg.operators.cli.encryptedCodeLater);
  expect(readKeyStore(dir)!.recoveryUnseen).toBe(true);
  // A second scheduled run prints none either.
  const again = await cli(['backup', '--data-dir', dir]);
  expect({ code: again.code, logged: RECOVERY_IN_TEXT.test(again.err) }).toEqual({ code: 0, logged: false });

  const window = openLedger(dir);
  const signed = valueOf<'auth.signIn'>(window.registry.invoke('auth.signIn', { name: ADMIN, password: ADMIN_PASSWORD }));
  await window.close();
  const recovered = openLedger(dir);
  expect(recovered.registry.invoke('auth.recover', { recoveryCode: signed.recoveryCode!, name: ADMIN, password: ADMIN_PASSWORD }).ok).toBe(true);
  await recovered.close();
});

it('at a terminal the code is printed and is confirmed only by y', async () => {
  const password = process.env.NETLEDGER_PASSWORD;
  delete process.env.NETLEDGER_PASSWORD;
  try {
    for (const answer of ['', 'y']) {
      const dir = path.join(root, `terminal-${answer || 'none'}`);
      await legacyRegister(dir);
      const said: string[] = [];
      const asked: string[] = [];
      const io = {
        err: (text: string) => said.push(text),
        askSecret: async () => ADMIN_PASSWORD,
        ask: async (question: string) => (asked.push(question), answer),
        errIsTerminal: true,
      };
      const ledger = openLedger(dir);
      await signInFromCli(ledger, ADMIN, io);
      await ledger.close();
      expect(RECOVERY_IN_TEXT.exec(said[0]!)?.[1], answer).toBeDefined();
      expect(asked).toEqual([msg.operators.cli.copiedPrompt]);
      expect(readKeyStore(dir)!.recoveryUnseen, answer).toBe(answer === 'y' ? undefined : true);
      expect(said.slice(1)).toEqual(answer === 'y' ? [] : [msg.operators.cli.codeNotConfirmed]);
    }
  } finally {
    process.env.NETLEDGER_PASSWORD = password;
  }
});
