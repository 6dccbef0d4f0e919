// Writes ../next_expected.json: the value of every case of
// ../next_cases.js under the real next/server. See ../README.md.
const fs = require('fs');
const path = require('path');
const server = require('next/server');
const { NextURL } = require('next/dist/server/web/next-url');
const cases = require('../next_cases.js');

(async () => {
  const env = { NextRequest: server.NextRequest, NextResponse: server.NextResponse, NextURL, userAgentFromString: server.userAgentFromString };
  const out = {};
  for (const name of Object.keys(cases)) {
    out[name] = JSON.parse(JSON.stringify(await cases[name](env)));
  }
  fs.writeFileSync(path.join(__dirname, '..', 'next_expected.json'), JSON.stringify(out, null, 1) + '\n');
  console.log(`${Object.keys(out).length} cases written`);
})();
