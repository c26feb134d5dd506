// Shell completion scripts: commands, options, theme ids, fact ids, units,
// fields and formats, written out from the program and the data in use.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

export interface CompletionSpec {
  name: string;
  globalOptions: string[];
  commands: { name: string; description: string; options: string[] }[];
  themes: string[];
  ids: string[];
  units: string[];
  /** The fields --fields takes, by command. */
  fields: Record<string, string[]>;
  formats: string[];
  shells: string[];
}

/** Options that take a value, so the word after them is that value. */
const VALUE_OPTIONS = ['--data', '--theme', '-t', '--limit', '-n', '--fields', '--year', '--min', '--max', '--unit', '--sort', '--format', '--seed'];

export function completionScript(shell: Shell, spec: CompletionSpec): string {
  if (shell === 'fish') return fish(spec);
  const bashScript = bash(spec);
  if (shell === 'bash') return bashScript;
  // zsh runs the bash function through its bash-compatibility layer.
  return `#compdef ${spec.name}\n# ${spec.name} completion for zsh.\nautoload -U +X bashcompinit && bashcompinit\n${bashScript}`;
}

const words = (xs: readonly string[]) => xs.join(' ');
const fn = (name: string) => `_${name.replace(/[^A-Za-z0-9]/g, '_')}`;

/** A word for the shell, spaces escaped: a unit such as "countries and regions" stays one word. */
const shellWord = (w: string) => w.replace(/([\\ '"$`])/g, '\\$1');

function bash(s: CompletionSpec): string {
  const f = fn(s.name);
  const perCommand = s.commands
    .map((c) => `    ${c.name}) opts="${words([...c.options, ...s.globalOptions])}" ;;`)
    .join('\n');
  const fieldsPerCommand = Object.entries(s.fields)
    .map(([c, list]) => `    ${c}) fields="${words(list)}" ;;`)
    .join('\n');
  return `# ${s.name} completion for bash: commands, options, theme ids, fact ids.
${f}_list() {
  # Comma lists (--theme a,b; --fields x,y): complete the part after the last comma.
  local prefix="" last="$cur"
  if [[ "$cur" == *,* ]]; then prefix="\${cur%,*},"; last="\${cur##*,}"; fi
  COMPREPLY=( $(compgen -P "$prefix" -W "$1" -- "$last") )
}

${f}() {
  local cur prev cmd opts fields i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # "--theme=ec": bash splits at "=", so the option is one word further back.
  if [[ "$prev" == "=" ]]; then prev="\${COMP_WORDS[COMP_CWORD-2]}"; fi
  if [[ "$cur" == "=" ]]; then cur=""; fi

  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${VALUE_OPTIONS.join('|')}|-f) ((i++)) ;;
      -*|=) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done

  case "$prev" in
    --theme|-t) ${f}_list "${words(s.themes)}"; return ;;
    --fields)
      fields=""
      case "$cmd" in
${fieldsPerCommand}
      esac
      ${f}_list "$fields"; return ;;
    --unit)
      # One unit a line; spaces escaped on the way out, so "countries and regions" stays one word.
      local IFS=$'\\n' typed="\${cur//\\\\ / }"
      COMPREPLY=( $(compgen -W "$(printf '%s\\n' ${s.units.map((u) => `'${u.replace(/'/g, "'\\''")}'`).join(' ')})" -- "$typed") )
      COMPREPLY=( "\${COMPREPLY[@]// /\\\\ }" )
      return ;;
    --format|-f) COMPREPLY=( $(compgen -W "${words(s.formats)}" -- "$cur") ); return ;;
    --sort) COMPREPLY=( $(compgen -W "value" -- "$cur") ); return ;;
    --data) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
    --limit|-n|--year|--min|--max|--seed) return ;;
  esac

  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=( $(compgen -W "${words([...s.globalOptions, '--help', '--version'])}" -- "$cur") )
    else
      COMPREPLY=( $(compgen -W "${words(s.commands.map((c) => c.name))}" -- "$cur") )
    fi
    return
  fi

  if [[ "$cur" == -* ]]; then
    opts=""
    case "$cmd" in
${perCommand}
    esac
    COMPREPLY=( $(compgen -W "$opts --help" -- "$cur") )
    return
  fi

  case "$cmd" in
    show|cite) COMPREPLY=( $(compgen -W "${words(s.ids)}" -- "$cur") ) ;;
    completion) COMPREPLY=( $(compgen -W "${words(s.shells)}" -- "$cur") ) ;;
    help) COMPREPLY=( $(compgen -W "${words(s.commands.map((c) => c.name))}" -- "$cur") ) ;;
  esac
}
complete -F ${f} ${s.name}
`;
}

function fish(s: CompletionSpec): string {
  const c = s.name;
  const f = `__${fn(c).slice(1)}`;
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const seen = (names: string[]) => `'__fish_seen_subcommand_from ${names.join(' ')}'`;
  const has = (opt: string) => s.commands.filter((x) => x.options.includes(opt)).map((x) => x.name);
  const option = (opt: string, rest: string) => {
    const users = has(opt);
    return users.length ? [`complete -c ${c} -n ${seen(users)} ${rest}`] : [];
  };
  const lines = [
    `# ${c} completion for fish: commands, options, theme ids, fact ids.`,
    // Comma lists: offer "ecology,rural" after "ecology,ru".
    `function ${f}_list`,
    '    set -l token (commandline -ct)',
    "    set -l prefix (string replace -r '[^,]*$' '' -- $token)",
    '    for word in $argv',
    '        echo $prefix$word',
    '    end',
    'end',
    `complete -c ${c} -f`,
    ...s.commands.map((x) => `complete -c ${c} -n __fish_use_subcommand -a ${x.name} -d ${quote(x.description)}`),
    `complete -c ${c} -l data -r -F -d 'facts file to use'`,
    `complete -c ${c} -l no-color -d 'never colour the output'`,
    `complete -c ${c} -l debug -d 'show stack traces of internal errors'`,
    ...option('--theme', `-s t -l theme -x -a ${quote(`(${f}_list ${words(s.themes)})`)} -d 'theme ids'`),
    ...Object.entries(s.fields).map(
      ([cmd, list]) => `complete -c ${c} -n ${seen([cmd])} -l fields -x -a ${quote(`(${f}_list ${words(list)})`)} -d 'keys to print'`,
    ),
    ...option('--unit', `-l unit -x -a ${quote(s.units.map((u) => shellWord(u)).join(' '))} -d 'figure unit'`),
    ...option('--sort', `-l sort -x -a value -d 'largest figure first'`),
    ...option('--limit', `-s n -l limit -x -d 'at most n results'`),
    ...option('--year', `-l year -x -d 'facts of this year'`),
    ...option('--min', `-l min -x -d 'a figure of at least n'`),
    ...option('--max', `-l max -x -d 'a figure of at most n'`),
    ...option('--seed', `-l seed -x -d 'the same fact for the same seed'`),
    ...option('--context', `-s c -l context -d 'the paragraph too'`),
    ...option('--format', `-s f -l format -x -a ${quote(words(s.formats))} -d 'citation format'`),
    ...option('--json', `-l json -d 'print JSON'`),
    ...option('--ndjson', `-l ndjson -d 'one JSON object per line'`),
    `complete -c ${c} -n ${seen(['show', 'cite'])} -x -a ${quote(words(s.ids))}`,
    `complete -c ${c} -n ${seen(['completion'])} -x -a ${quote(words(s.shells))}`,
    `complete -c ${c} -n ${seen(['help'])} -x -a ${quote(words(s.commands.map((x) => x.name)))}`,
    '',
  ];
  return lines.join('\n');
}
