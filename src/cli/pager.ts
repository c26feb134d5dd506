// How a pager setting becomes a command line: git's rule. A plain command
// (words of letters, digits and - _ . / = + , :) runs directly, split at
// spaces; anything else (quotes, $VARS, pipes) is shell syntax and runs
// through sh -c. The setting is the user's own (PAGER), never data.
const PLAIN = /^[\w\-./=+,:]+( +[\w\-./=+,:]+)*$/;

/** The argv to spawn for `pager`. */
export function pagerArgv(pager: string, platform: NodeJS.Platform = 'linux'): [file: string, ...args: string[]] {
  const command = pager.trim();
  if (PLAIN.test(command)) {
    const [file = '', ...args] = command.split(/ +/); // split always gives at least one piece
    return [file, ...args];
  }
  return platform === 'win32' ? ['cmd.exe', '/d', '/s', '/c', command] : ['sh', '-c', command];
}
