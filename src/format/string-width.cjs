// Stands in for the string-width package inside the bundle (see
// scripts/build.mjs): cli-table3 require()s it as a CommonJS function. Its
// widths are ours (src/format/width.ts), so tables and our wrapping agree.
module.exports = require('./width.ts').displayWidth;
