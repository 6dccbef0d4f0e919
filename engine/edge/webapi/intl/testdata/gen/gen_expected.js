// Writes ../intl_expected.json: every case of ../intl_cases.js as Node's
// ICU computes it. Run under TZ=UTC: node gen_expected.js
const fs = require('fs');
const path = require('path');
const cases = require('../intl_cases.js');
const out = {};
for (const name of Object.keys(cases)) out[name] = cases[name]().map((pair) => pair[1]);
fs.writeFileSync(path.join(__dirname, '..', 'intl_expected.json'), JSON.stringify(out, null, 0).replace(/\],"/g, '],\n"') + '\n');
console.log(Object.keys(out).length, 'cases,', Object.values(out).reduce((n, v) => n + v.length, 0), 'values');
