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
  fields: string[];
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

function bash(s: CompletionSpec): string {
  const perCommand = s.commands
    .map((c) => `    ${c.name}) opts="${words([...c.options, ...s.globalOptions])}" ;;`)
    .join('\n');
  return `# ${s.name} completion for bash: commands, options, theme ids, fact ids.
${fn(s.name)}() {
  local cur prev cmd opts i
  cur="\${COMP_WORDS[COMP_CWORD]}"
  prev="\${COMP_WORDS[COMP_CWORD-1]}"
  # "--theme=ec": bash splits at "=", so the option is one word further back.
  if [[ "$prev" == "=" ]]; then prev="\${COMP_WORDS[COMP_CWORD-2]}"; fi
  if [[ "$cur" == "=" ]]; then cur=""; fi

  local commands="${words(s.commands.map((c) => c.name))}"
  local themes="${words(s.themes)}"
  local ids="${words(s.ids)}"
  local units="${words(s.units)}"
  local fields="${words(s.fields)}"

  # Comma lists (--theme a,b; --fields x,y): complete the part after the last comma.
  _${fn(s.name).slice(1)}_list() {
    local prefix="" last="$cur"
    if [[ "$cur" == *,* ]]; then prefix="\${cur%,*},"; last="\${cur##*,}"; fi
    COMPREPLY=( $(compgen -P "$prefix" -W "$1" -- "$last") )
  }

  case "$prev" in
    --theme|-t) _${fn(s.name).slice(1)}_list "$themes"; return ;;
    --fields) _${fn(s.name).slice(1)}_list "$fields"; return ;;
    --unit) COMPREPLY=( $(compgen -W "$units" -- "$cur") ); return ;;
    --format) COMPREPLY=( $(compgen -W "${words(s.formats)}" -- "$cur") ); return ;;
    --sort) COMPREPLY=( $(compgen -W "value" -- "$cur") ); return ;;
    --data) COMPREPLY=( $(compgen -f -- "$cur") ); return ;;
    --limit|-n|--year|--min|--max|--seed) return ;;
  esac

  cmd=""
  for ((i = 1; i < COMP_CWORD; i++)); do
    case "\${COMP_WORDS[i]}" in
      ${VALUE_OPTIONS.join('|')}) ((i++)) ;;
      -*|=) ;;
      *) cmd="\${COMP_WORDS[i]}"; break ;;
    esac
  done

  if [[ -z "$cmd" ]]; then
    if [[ "$cur" == -* ]]; then
      COMPREPLY=( $(compgen -W "${words([...s.globalOptions, '--help', '--version'])}" -- "$cur") )
    else
      COMPREPLY=( $(compgen -W "$commands" -- "$cur") )
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
    show|cite) COMPREPLY=( $(compgen -W "$ids" -- "$cur") ) ;;
    completion) COMPREPLY=( $(compgen -W "${words(s.shells)}" -- "$cur") ) ;;
    help) COMPREPLY=( $(compgen -W "$commands" -- "$cur") ) ;;
  esac
}
complete -F ${fn(s.name)} ${s.name}
`;
}

function fish(s: CompletionSpec): string {
  const c = s.name;
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const seen = (names: string[]) => `'__fish_seen_subcommand_from ${names.join(' ')}'`;
  const has = (opt: string) => s.commands.filter((x) => x.options.includes(opt)).map((x) => x.name);
  const lines = [
    `# ${c} completion for fish: commands, options, theme ids, fact ids.`,
    `complete -c ${c} -f`,
    ...s.commands.map((x) => `complete -c ${c} -n __fish_use_subcommand -a ${x.name} -d ${quote(x.description)}`),
    `complete -c ${c} -l data -r -F -d 'facts file to use'`,
    `complete -c ${c} -l no-color -d 'never colour the output'`,
    `complete -c ${c} -l debug -d 'show stack traces of internal errors'`,
    `complete -c ${c} -n ${seen(has('--theme'))} -s t -l theme -x -a ${quote(words(s.themes))} -d 'theme ids'`,
    `complete -c ${c} -n ${seen(has('--fields'))} -l fields -x -a ${quote(words(s.fields))} -d 'keys to print'`,
    `complete -c ${c} -n ${seen(has('--unit'))} -l unit -x -a ${quote(words(s.units))} -d 'figure unit'`,
    `complete -c ${c} -n ${seen(has('--sort'))} -l sort -x -a value`,
    `complete -c ${c} -n ${seen(has('--format'))} -l format -x -a ${quote(words(s.formats))}`,
    `complete -c ${c} -n ${seen(has('--json'))} -l json -d 'print JSON'`,
    `complete -c ${c} -n ${seen(has('--ndjson'))} -l ndjson -d 'one JSON object per line'`,
    `complete -c ${c} -n ${seen(['show', 'cite'])} -x -a ${quote(words(s.ids))}`,
    `complete -c ${c} -n ${seen(['completion'])} -x -a ${quote(words(s.shells))}`,
    '',
  ];
  return lines.join('\n');
}
