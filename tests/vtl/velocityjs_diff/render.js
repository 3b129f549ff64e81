// Renders VTL cases with velocityjs for the differential test (tst_vtlvelocityjsdiff).
// stdin: {"cases":[{"template":"...","context":{...}}]}; stdout: {"results":[{"output":"..."}|{"error":"..."}]}
'use strict';
const velocity = require('velocityjs');

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const { cases } = JSON.parse(input);
  const results = cases.map((c) => {
    try {
      return { output: velocity.render(c.template, c.context || {}) };
    } catch (e) {
      return { error: String(e && e.message ? e.message : e) };
    }
  });
  process.stdout.write(JSON.stringify({ results }));
});
