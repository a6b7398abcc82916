/**
 * `corpuslint … | head`: when the reader closes the pipe early, the CLI stops
 * without a stack trace (it used to die on an unhandled EPIPE).
 */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, ROOT } from "../helpers/run-cli.js";

describe("stdout closed by the reader", () => {
	it("ends quietly when `head` stops reading a long report", () => {
		// The JSON report of the seeds is far larger than a pipe buffer, so writing hits the closed pipe.
		const run = spawnSync("bash", ["-c", `node ${JSON.stringify(BIN)} --no-config -f json ${JSON.stringify(join(ROOT, "seeds"))} | head -c 100 > /dev/null; echo "status \${PIPESTATUS[0]}" >&2`], {
			encoding: "utf8",
		});
		expect(run.stderr).not.toMatch(/EPIPE|Error|at /u);
		expect(run.stderr).toMatch(/^status 1\n$/u);
	});
});
