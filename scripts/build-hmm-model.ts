/**
 * Writes data/hmm-model.bin: jieba's HMM (start, transition and emission
 * log-probabilities) in the binary layout described in src/linguistics/hmm.ts.
 *
 * jieba-rs compiles the model into the @node-rs/jieba binary, where it cannot
 * be read; cppjieba ships the same model as text (dict/hmm_model.utf8, MIT),
 * and the nodejieba package carries cppjieba. This fetches it with
 * `npm pack nodejieba` into a temporary directory, or reads a path given:
 *
 *   npx tsx scripts/build-hmm-model.ts [path/to/hmm_model.utf8]
 *
 * Nothing of nodejieba is needed at run time. test/linguistics/word-cut.test.ts
 * proves that the cutter with this model cuts as @node-rs/jieba does.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { encodeHmmModel } from "../src/linguistics/hmm.js";
import { packageRoot } from "../src/package-root.js";

const MODEL_IN_PACKAGE = "package/submodules/cppjieba/dict/hmm_model.utf8";

function fetchModelText(): string {
	const dir = mkdtempSync(join(tmpdir(), "corpuslint-hmm-"));
	try {
		const tarball = execFileSync("npm", ["pack", "nodejieba", "--silent", "--pack-destination", dir], { encoding: "utf8" }).trim().split("\n").pop()!;
		execFileSync("tar", ["-xzf", join(dir, tarball), "-C", dir, MODEL_IN_PACKAGE]);
		return readFileSync(join(dir, MODEL_IN_PACKAGE), "utf8");
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

const source = process.argv[2];
const text = source ? readFileSync(source, "utf8") : fetchModelText();
const bytes = encodeHmmModel(text);
writeFileSync(join(packageRoot, "data", "hmm-model.bin"), bytes);
console.log(`data/hmm-model.bin: ${bytes.length} bytes`);
