package main

import (
	"fmt"

	"github.com/urfave/cli/v2"
)

// Completion scripts: the shell asks relcheck itself for candidates
// (urfave/cli's --generate-bash-completion).
const bashCompletion = `_relcheck_complete() {
  local cur words
  cur="${COMP_WORDS[COMP_CWORD]}"
  if [[ "$cur" == -* ]]; then
    words=$("${COMP_WORDS[@]:0:$COMP_CWORD}" "$cur" --generate-bash-completion 2>/dev/null)
  else
    words=$("${COMP_WORDS[@]:0:$COMP_CWORD}" --generate-bash-completion 2>/dev/null)
  fi
  COMPREPLY=($(compgen -W "$words" -- "$cur"))
  [[ ${#COMPREPLY[@]} -eq 0 ]] && COMPREPLY=($(compgen -f -- "$cur"))
  return 0
}
complete -o default -F _relcheck_complete relcheck
`

const zshCompletion = `#compdef relcheck
_relcheck() {
  local -a opts
  opts=("${(@f)$(${words[@]:0:#words[@]-1} --generate-bash-completion 2>/dev/null)}")
  _describe 'values' opts
  _files
}
compdef _relcheck relcheck
`

const fishCompletion = `complete -c relcheck -f -a '(commandline -opc | string join " " | xargs -I{} sh -c "{} --generate-bash-completion" 2>/dev/null)'
complete -c relcheck -F
`

func completionCommand() *cli.Command {
	return &cli.Command{
		Name:      "completion",
		Usage:     "print a shell completion script: bash, zsh or fish",
		ArgsUsage: "bash|zsh|fish",
		Description: "Add to your shell's start-up file, for example:\n" +
			"   bash: source <(relcheck completion bash)\n" +
			"   zsh:  source <(relcheck completion zsh)\n" +
			"   fish: relcheck completion fish | source",
		Action: func(c *cli.Context) error {
			var script string
			switch c.Args().First() {
			case "bash":
				script = bashCompletion
			case "zsh":
				script = zshCompletion
			case "fish":
				script = fishCompletion
			default:
				return fail(exitError, "completion: name a shell: bash, zsh or fish")
			}
			_, err := fmt.Fprint(c.App.Writer, script)
			return err
		},
	}
}
