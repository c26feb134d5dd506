// Shell completion scripts. They hold no data and no names: at every TAB they
// pass the words typed so far, as arguments, to `<program> __complete`
// (src/cli/complete.ts), and take back one candidate a line. The candidates
// are never run through the shell's expansions (no eval, no compgen -W, which
// expands its word list): bash quotes each with printf %q (unless it is a plain word), zsh and fish quote
// what they insert themselves. So a facts file, whatever its ids say, cannot
// run code in the shell, and the script does not go stale when the data changes.

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type Shell = (typeof SHELLS)[number];

/** The script for `shell`, completing the command `name`. */
export function completionScript(shell: Shell, name: string): string {
  // The name is ours ("chongqing-facts"); checked anyway, as it is written into code.
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(name)) throw new Error(`not a command name: ${name}`);
  const fn = `_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
  if (shell === 'bash') return bash(name, fn);
  if (shell === 'zsh') return zsh(name, fn);
  return fish(name, `_${fn}`);
}

function bash(name: string, fn: string): string {
  return `# ${name} completion for bash. It asks ${name} itself for candidates
# (commands, options, theme and fact ids, units, fields, formats) at each TAB.
${fn}() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" line kind=""
  COMPREPLY=()
  while IFS= read -r line; do
    if [[ -z "$kind" ]]; then
      kind="$line"
    else
      # Quoted for the command line (plain words as they are): a candidate is inserted as the text it is.
      [[ "$line" == *[!A-Za-z0-9_@%+=:,./-]* ]] && printf -v line '%q' "$line"
      COMPREPLY+=("$line")
    fi
  done < <(command ${name} __complete bash -- "\${COMP_WORDS[@]:0:COMP_CWORD+1}" 2>/dev/null)
  if [[ "$kind" == files ]]; then
    # A facts file: file names, as bash completes them.
    [[ "$cur" == "=" ]] && cur=""
    compopt -o filenames 2>/dev/null
    while IFS= read -r line; do COMPREPLY+=("$line"); done < <(compgen -f -- "$cur")
  fi
}
complete -F ${fn} ${name}
`;
}

function zsh(name: string, fn: string): string {
  return `#compdef ${name}
# ${name} completion for zsh. It asks ${name} itself for candidates
# (commands, options, theme and fact ids, units, fields, formats) at each TAB.
${fn}() {
  local -a lines
  lines=("\${(@f)$(command ${name} __complete zsh -- "\${(@)words[1,CURRENT]}" 2>/dev/null)}")
  if [[ "\${lines[1]}" == files ]]; then
    compset -P '*='
    _files
  elif (( \${#lines} > 1 )); then
    # compadd quotes what it inserts.
    compadd -- "\${(@)lines[2,-1]}"
  fi
}
if [[ "\${funcstack[1]}" == _${name} ]]; then
  # Loaded from $fpath by compinit: complete now, and from now on.
  ${fn} "$@"
else
  compdef ${fn} ${name}
fi
`;
}

function fish(name: string, fn: string): string {
  return `# ${name} completion for fish. It asks ${name} itself for candidates
# (commands, options, theme and fact ids, units, fields, formats) at each TAB.
function ${fn}
    set -l token (commandline -ct)
    set -l lines (command ${name} __complete fish -- (commandline -opc) "$token" 2>/dev/null)
    if test "$lines[1]" = files
        # A facts file, also after "--data=".
        set -l option (string match -r -- '^--[^=]*=' "$token")
        __fish_complete_path (string replace -r -- '^--[^=]*=' '' "$token") | string replace -r -- '^' "$option"
    else if set -q lines[2]
        printf '%s\\n' $lines[2..-1]
    end
end
complete -c ${name} -f -a '(${fn})'
`;
}
