// Stands in for the string-width package inside the bundle (see
// scripts/build.mjs): cli-table3 require()s it as a CommonJS function.
module.exports = require('./width.ts').displayWidth;
