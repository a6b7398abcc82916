import { runCli } from "./main.js";

const code = await runCli(process.argv.slice(2), {
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
