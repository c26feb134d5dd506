// Whether this Node has node:sqlite: the on-disk index's tests need it, and
// say so when they skip (npm test runs on Node 20; .ci/run runs them again on
// Node 22 and 24).
import { sqlite } from '../../src/index/sqlite.js';

export const HAS_SQLITE = sqlite() !== undefined;

export const SKIP_REASON = `skipped: Node ${process.version} has no node:sqlite (the on-disk index needs 22.13+; .ci/run runs these tests on Node 22 and 24)`;

if (!HAS_SQLITE) console.warn(SKIP_REASON);
