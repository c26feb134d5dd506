// What to offer when a person presses TAB: the shell scripts (completion.ts)
// hold no data and no names; they pass the words typed so far to the hidden
// `__complete` command, which answers from the program's own definitions and
// the facts in use. Candidates travel as plain lines, and the shell quotes them
// as it inserts them, so nothing in a facts file is ever read as shell code.
import { hasInvisible } from '../format/visible.js';
import type { Shell } from './completion.js';

export type { Shell };

/** An option as completion sees it. */
export interface OptionModel {
  /** Its names: "-t", "--theme". */
  flags: string[];
  description: string;
  takesValue: boolean;
  /** Fixed values (commander's choices). */
  choices?: readonly string[];
}

export interface ArgumentModel {
  name: string;
  variadic: boolean;
  choices?: readonly string[];
}

export interface CommandModel {
  name: string;
  description: string;
  options: OptionModel[];
  args: ArgumentModel[];
}

export interface ProgramModel {
  options: OptionModel[];
  commands: CommandModel[];
  /** What --fields takes, by command. */
  fields: ReadonlyMap<string, readonly string[]>;
}

/** What completion needs from a facts file. */
export interface DataModel {
  themes: string[];
  ids: string[];
  units: string[];
}

export interface Candidate {
  value: string;
  description?: string;
}

export interface Completion {
  /** 'files': the shell completes file names itself (--data). */
  kind: 'values' | 'files';
  candidates: Candidate[];
}

/** The facts file a completion asks about: from --data or CHONGQING_FACTS_DATA as typed on the line. */
export interface DataChoice {
  data?: string;
  env?: string;
}

const HELP: OptionModel = { flags: ['-h', '--help'], description: 'show help', takesValue: false };
const NONE: Completion = { kind: 'values', candidates: [] };

/**
 * Candidates for the last of `words` (the command line from the program's
 * name to the word being completed, as the shell split it). `loadData` is
 * called only when data is wanted, with the facts file named on the line.
 */
export function complete(
  shell: Shell,
  rawWords: readonly string[],
  program: ProgramModel,
  loadData: (choice: DataChoice) => DataModel | undefined,
): Completion {
  const { tokens, current, split, choice } = parseLine(shell, rawWords);
  // The command, and which of its arguments the current word is.
  let command: CommandModel | undefined;
  let positional = 0;
  let valueFor: OptionModel | undefined;
  for (const token of tokens) {
    if (valueFor) {
      valueFor = undefined;
      continue;
    }
    if (token.startsWith('-') && token !== '-') {
      const [name = token] = token.split('=');
      const option = findOption(name, command, program);
      if (option?.takesValue && !token.includes('=')) valueFor = option;
      continue;
    }
    if (!command) command = program.commands.find((c) => c.name === token);
    else positional++;
  }
  const data = lazy(() => loadData(choice));
  // A candidate with a control character or a line break in it is left out: it could not be one line.
  const done = (values: readonly Candidate[], listPrefix = '') => ({
    kind: 'values' as const,
    candidates: values
      .map((c) => ({ ...c, value: listPrefix + c.value }))
      .filter((c) => !hasInvisible(c.value) && !hasInvisible(c.description ?? '')),
  });
  const matching = (values: readonly string[], typed: string, listPrefix = '') =>
    done(
      values.filter((v) => v.startsWith(typed)).map((value) => ({ value })),
      listPrefix,
    );

  // The value of an option: "--theme ec" or "--theme=ec".
  const eq = current.startsWith('--') ? current.indexOf('=') : -1;
  const option = valueFor ?? (eq > 0 ? findOption(current.slice(0, eq), command, program) : undefined);
  if (option) {
    const typed = valueFor ? current : current.slice(eq + 1);
    // "--theme=ec" is replaced whole, so its candidates are "--theme=..."; after bash's split, only "ec" is.
    const optionPrefix = valueFor || split ? '' : current.slice(0, eq + 1);
    return optionValues(option, typed, optionPrefix, command, program, data, matching);
  }
  if (current.startsWith('-')) {
    const options = command ? [...command.options, ...program.options, HELP] : [...program.options, HELP];
    const flags = options.flatMap((o) => o.flags.map((f) => ({ value: f, description: o.description })));
    return done(flags.filter((f) => f.value.startsWith(current)));
  }
  const commands = () => program.commands.map((c) => ({ value: c.name, description: c.description }));
  if (!command) return done(commands().filter((c) => c.value.startsWith(current)));
  const arg = command.args[Math.min(positional, command.args.length - 1)];
  if (!arg || (positional >= command.args.length && !arg.variadic)) return NONE;
  if (arg.choices) return matching(arg.choices, current);
  if (arg.name === 'id') return matching(data()?.ids ?? [], current);
  if (arg.name === 'command') return done(commands().filter((c) => c.value.startsWith(current)));
  return NONE;
}

function optionValues(
  option: OptionModel,
  typed: string,
  optionPrefix: string,
  command: CommandModel | undefined,
  program: ProgramModel,
  data: () => DataModel | undefined,
  matching: (values: readonly string[], typed: string, listPrefix?: string) => Completion,
): Completion {
  const long = option.flags.find((f) => f.startsWith('--'));
  if (long === '--data') return { kind: 'files', candidates: [] };
  // Comma lists: complete the part after the last comma ("ecology,ru" -> "ecology,rural").
  const list = (values: readonly string[]) => {
    const comma = typed.lastIndexOf(',') + 1;
    return withPrefix(matching(values, typed.slice(comma), typed.slice(0, comma)), optionPrefix);
  };
  if (long === '--theme') return list(data()?.themes ?? []);
  if (long === '--fields') return list(program.fields.get(command?.name ?? '') ?? []);
  if (long === '--unit') return withPrefix(matching(data()?.units ?? [], typed), optionPrefix);
  if (option.choices) return withPrefix(matching(option.choices, typed), optionPrefix);
  return NONE;
}

const withPrefix = (c: Completion, prefix: string): Completion =>
  prefix ? { ...c, candidates: c.candidates.map((x) => ({ ...x, value: prefix + x.value })) } : c;

function findOption(flag: string, command: CommandModel | undefined, program: ProgramModel): OptionModel | undefined {
  const has = (o: OptionModel) => o.flags.includes(flag);
  return command?.options.find(has) ?? program.options.find(has) ?? (command ? undefined : anyCommandOption(flag, program));
}

/** Before the command, an option is looked up in every command (the word after it is its value). */
const anyCommandOption = (flag: string, program: ProgramModel) =>
  program.commands.flatMap((c) => c.options).find((o) => o.flags.includes(flag));

function lazy<T>(f: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) [value, done] = [f(), true];
    return value;
  };
}

/**
 * The typed words as the program would see them: quotes and backslashes
 * removed, "~/" as the home directory (the shell would do both when the
 * command runs), "--theme", "=", "ec" (bash splits at "=") joined again,
 * variable assignments before the program's name set aside. `split` says
 * that the shell's own current word begins after the "=".
 */
export function parseLine(
  shell: Shell,
  rawWords: readonly string[],
): { tokens: string[]; current: string; split: boolean; choice: DataChoice } {
  // fish hands over the words before the current one already unquoted.
  const words = rawWords.map((w, i) => (shell === 'fish' && i < rawWords.length - 1 ? w : unquote(w)));
  if (words.length === 0) words.push('');
  const env: DataChoice = {};
  let start = 0;
  for (let word = words[start]; start < words.length - 1 && word !== undefined; word = words[++start]) {
    const assignment = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(word);
    if (!assignment) break;
    if (assignment[1] === 'CHONGQING_FACTS_DATA') env.env = word.slice(assignment[0].length);
  }
  // The program's own name.
  if (start < words.length - 1) start++;
  const tokens: string[] = [];
  let glue = false;
  let split = false;
  for (const [i, w] of words.entries()) {
    if (i < start) continue;
    const last = i === words.length - 1;
    const previous = tokens.at(-1);
    if (w === '=' && previous !== undefined && /^--[^=]+$/.test(previous)) {
      tokens[tokens.length - 1] = `${previous}=`;
      glue = true;
      split = last;
    } else if (glue && previous !== undefined) {
      tokens[tokens.length - 1] = previous + w;
      glue = false;
      split = last;
    } else {
      tokens.push(w);
    }
  }
  const current = tokens.pop() ?? '';
  return { tokens, current, split, choice: dataChoice(tokens, env) };
}

/** --data as typed before the current word, the last one winning as it does when the command runs. */
function dataChoice(tokens: readonly string[], env: DataChoice): DataChoice {
  const out = { ...env };
  for (const [i, token] of tokens.entries()) {
    const next = tokens[i + 1];
    if (token === '--data' && next !== undefined) out.data = next;
    else if (token.startsWith('--data=')) out.data = token.slice('--data='.length);
  }
  return out;
}

/** A word as the shell would pass it: quotes and backslashes removed, nothing expanded but a leading "~/". */
export function unquote(word: string): string {
  let out = '';
  let quote: '' | "'" | '"' = '';
  for (let i = 0; i < word.length; i++) {
    const ch = word.charAt(i);
    if (quote === "'") {
      if (ch === "'") quote = '';
      else out += ch;
    } else if (quote === '"') {
      if (ch === '"') quote = '';
      else if (ch === '\\' && i + 1 < word.length && '"\\$`'.includes(word.charAt(i + 1))) out += word.charAt(++i);
      else out += ch;
    } else if (ch === "'" || ch === '"') {
      quote = ch;
    } else if (ch === '\\' && i + 1 < word.length) {
      out += word.charAt(++i);
    } else {
      out += ch;
    }
  }
  return out.startsWith('~/') && process.env.HOME ? process.env.HOME + out.slice(1) : out;
}

/** The lines `__complete` prints: the kind, then one candidate a line (fish: a tab and its description). */
export function completionLines(shell: Shell, result: Completion): string {
  const lines = result.candidates.map((c) =>
    shell === 'fish' && c.description ? `${c.value}\t${c.description}` : c.value,
  );
  return `${[result.kind, ...lines].join('\n')}\n`;
}
