// A load error suggests a command to run; the facts file's name in it is
// anyone's, so it is quoted for a POSIX shell: pasted, it names the file and
// runs nothing else.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shellWord } from '../../src/data/load.js';
import { cli } from '../helpers.js';

const bad = { facts: [{ id: 'a', theme: 't', statement: 'S.', source: 'S.' }, { id: 'a', theme: 't', statement: 'S.', source: 'S.' }] };

describe('the command a load error suggests', () => {
  it.each([
    ["x';touch pwned;'.json", `'x'\\'';touch pwned;'\\''.json'`],
    ['my city $(id) `id`.json', "'my city $(id) `id`.json'"],
    ['plain-name_1.json', 'plain-name_1.json'],
  ])('%s is quoted as %s', (name, word) => {
    expect(shellWord(name)).toBe(word);
  });

  it("names x';touch pwned;'.json so that bash, pasting it, runs nothing else", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqf-quote-'));
    const file = join(dir, "x';touch pwned;'.json");
    writeFileSync(file, JSON.stringify(bad));
    const r = await cli(['list', '--data', file]);
    expect(r.code).toBe(2);
    const command = /to list every problem, run: (chongqing-facts verify --data .*)$/m.exec(r.stderr)?.[1];
    expect(command).toBeDefined();
    // The words bash makes of it, printed one a line instead of run.
    const words = spawnSync('bash', ['-c', `cd "$1" && set -- ${command!.replace('chongqing-facts verify --data ', '')}; printf '%s\\n' "$@"`, 'bash', dir], { encoding: 'utf8' });
    expect(words.stdout).toBe(`${file}\n`);
    expect(existsSync(join(dir, 'pwned'))).toBe(false);
  });

  it('a control character in the name is escaped first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cqf-quote-'));
    const file = join(dir, 'a\u001b[2Jb.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = await cli(['list', '--data', file]);
    expect(r.stderr).not.toContain('\u001b');
    expect(r.stderr).toContain("--data 'a\\u001b[2Jb.json'".replace("'a", `'${dir}/a`));
  });
});
