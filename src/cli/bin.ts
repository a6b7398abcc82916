import { dieWithParent, respawn, shouldRespawn } from "./respawn.js";

// `corpuslint … | head`: the reader went away, so nobody wants the rest of the report. Stop
// quietly, as other Unix tools do, instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
	if (error.code !== "EPIPE") throw error;
	process.exit(process.exitCode ?? 1);
});

const args = process.argv.slice(2);
dieWithParent();
// Decided before the CLI is imported: a parent that only waits for its child should not load the rules.
const childCode = shouldRespawn(args, process.execArgv, process.env) ? await respawn(process.argv[1], args) : undefined;
if (childCode !== undefined) {
	process.exitCode = childCode;
} else {
	const { runCli } = await import("./main.js");
	const code = await runCli(args, {
		cwd: process.cwd(),
		stdout: (t) => process.stdout.write(t),
		stderr: (t) => process.stderr.write(t),
		stdin: process.stdin,
		env: process.env,
		stdoutIsTTY: Boolean(process.stdout.isTTY),
		stderrIsTTY: Boolean(process.stderr.isTTY),
		stderrColumns: process.stderr.columns,
	});
	// exitCode, not exit(): let stdout drain when it is a pipe.
	process.exitCode = code;
}
