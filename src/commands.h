/* SPDX-License-Identifier: GPL-2.0 */
/* One file per subcommand, as git's builtin/: cmd_NAME() in src/cmd_NAME.c. */
#ifndef BARRIERMAP_COMMANDS_H
#define BARRIERMAP_COMMANDS_H

int cmd_lint(int argc, char **argv);
int cmd_map(int argc, char **argv);
int cmd_show(int argc, char **argv);
int cmd_check_patch(int argc, char **argv);
int cmd_suggest(int argc, char **argv);
int cmd_grammar(int argc, char **argv);
int cmd_litmus(int argc, char **argv);

#endif
