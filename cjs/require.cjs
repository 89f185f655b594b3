// What `require('deal-triage')` gets (package.json "exports", the "require" condition). The package
// is ES modules only. Node 20.19 and later can require an ES module, so the library is handed over
// as it is; where Node cannot (require(esm) switched off, or an older Node), the caller is told
// what to do, instead of an ERR_PACKAGE_PATH_NOT_EXPORTED that names no way out.
'use strict';

try {
  module.exports = require('../dist/index.js');
} catch (cause) {
  if (cause === null || typeof cause !== 'object' || cause.code !== 'ERR_REQUIRE_ESM') throw cause;
  const error = new Error(
    'deal-triage is an ES module only, and this Node cannot require one: load it with import ' +
      "(import { evaluate } from 'deal-triage'), or from CommonJS with a dynamic import " +
      "(const { evaluate } = await import('deal-triage')); Node 20.19 or later can also require it.",
    { cause },
  );
  error.code = 'ERR_DEAL_TRIAGE_ESM_ONLY';
  throw error;
}
