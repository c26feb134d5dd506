// The man page, written at build time (scripts/build.mjs) from the commander
// program itself: names, descriptions, arguments, options and the examples
// text of each command, so it cannot drift from --help.
import type { CommandUnknownOpts as Command, Option } from '@commander-js/extra-typings';

/** Text for a roff line: backslashes and leading dots or quotes made literal, hyphens as \-. */
function roff(text: string): string {
  return text
    .replace(/\\/g, '\\e')
    .replace(/-/g, '\\-')
    // groff reads ASCII: other characters (the Chinese examples) as \[uXXXX].
    // The ASCII range, controls included.
    .replace(/[^\x00-\x7f]/gu, (ch) => `\\[u${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}]`)
    .split('\n')
    .map((line) => (/^[.']/.test(line) ? `\\&${line}` : line))
    .join('\n');
}

/** The text a command adds after its help (examples, notes), as commander writes it. */
function afterHelp(cmd: Command): string {
  let text = '';
  // commander's Command is an EventEmitter; its types leave emit out.
  (cmd as unknown as NodeJS.EventEmitter).emit('afterHelp', { error: false, command: cmd, write: (s: string) => void (text += s) });
  return text.trim();
}

function options(opts: readonly Option[]): string[] {
  return opts
    .filter((o) => !o.hidden)
    .flatMap((o) => {
      const choices = o.argChoices ? ` (${o.argChoices.join(', ')})` : '';
      return ['.TP', `.B ${roff(o.flags)}`, roff(`${o.description}${choices}`)];
    });
}

/** The after-help text: headings ("Examples:") as plain paragraphs, the rest as it is printed. */
function block(text: string): string[] {
  if (!text) return [];
  return ['.PP', '.nf', roff(text), '.fi'];
}

export function manPage(program: Command, version: string): string {
  const name = program.name();
  const commands = program.createHelp().visibleCommands(program);
  const lines = [
    `.TH ${name.toUpperCase()} 1 "" "${name} ${version}" "User Commands"`,
    '.SH NAME',
    `${name} \\- ${roff(program.description())}`,
    '.SH SYNOPSIS',
    `.B ${name}`,
    '[\\fIoptions\\fR] \\fIcommand\\fR [\\fIarguments\\fR]',
    '.SH DESCRIPTION',
    roff(program.description()),
    '.SH OPTIONS',
    'These options work with every command.',
    ...options(program.options),
    '.SH COMMANDS',
  ];
  for (const cmd of commands) {
    const args = cmd.registeredArguments.map((a) => (a.required ? `<${a.name()}${a.variadic ? '...' : ''}>` : `[${a.name()}${a.variadic ? '...' : ''}]`));
    lines.push(`.SS "${roff([cmd.name(), ...args].join(' '))}"`, roff(cmd.description()));
    for (const a of cmd.registeredArguments) {
      if (a.description) lines.push('.TP', `.I ${roff(a.name())}`, roff(a.description));
    }
    lines.push(...options(cmd.options), ...block(afterHelp(cmd)));
  }
  lines.push('.SH EXAMPLES', ...block(afterHelp(program)));
  lines.push(
    '.SH ENVIRONMENT',
    '.TP', '.B CHONGQING_FACTS_DATA', 'the facts file to use, as \\-\\-data',
    '.TP', '.B CHONGQING_FACTS_PAGER, PAGER', 'the pager for output taller than the terminal (default: less \\-FRX)',
    '.TP', '.B FORCE_COLOR, CLICOLOR_FORCE, NO_COLOR, CLICOLOR', 'colour, after \\-\\-color, in this order',
    '.TP', '.B LC_ALL, LC_CTYPE, LANG', 'a locale that is not UTF\\-8 gets ASCII tables and charts',
    '.SH "EXIT STATUS"',
    '0 found, 1 nothing matched, 2 usage or data error.',
    '.SH "SEE ALSO"',
    'The README of the package, which documents formats, colour, the pager and the data.',
  );
  return `${lines.join('\n')}\n`;
}
