// The command line of the benchmarks: `--name value` pairs, as an object of strings.
//   const args = parseArgs(process.argv.slice(2)); const n = Number(args.commits ?? 400);

/** `--name value` pairs of the command line. */
export const parseArgs = (argv) => Object.fromEntries(argv.map((a, i, all) => (a.startsWith('--') ? [a.slice(2), all[i + 1]] : null)).filter(Boolean));
