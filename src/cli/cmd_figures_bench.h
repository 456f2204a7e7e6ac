/*
 * cmd_figures_bench.h: the figures subcommands benchmark, ambulantisering,
 * quotes and expensive (`jeugdregio figures NAME ...`), rows of the table
 * in cmd_figures.c. argv[0] is the subcommand's name.
 */
#ifndef JR_CMD_FIGURES_BENCH_H
#define JR_CMD_FIGURES_BENCH_H

#include "cli.h"

int figures_sub_benchmark(cli_env *env, int argc, char **argv);
int figures_sub_ambulant(cli_env *env, int argc, char **argv);
int figures_sub_quotes(cli_env *env, int argc, char **argv);
int figures_sub_expensive(cli_env *env, int argc, char **argv);

#endif
