#!/usr/bin/env node
'use strict';
// npm run docs: writes the rule catalogue table (lib/rules.ts) into docs/rules.md between the
// rules:start and rules:end markers. test/readme.test.ts fails when the table is stale.
const fs = require('fs');
const path = require('path');
const { renderRuleTable, RULE_LIST } = require('../build/lib/rules');

const file = path.resolve(__dirname, '..', 'docs', 'rules.md');
const readme = fs.readFileSync(file, 'utf-8');
const start = '<!-- rules:start -->\n';
const end = '<!-- rules:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error('docs/rules.md has no <!-- rules:start --> ... <!-- rules:end --> section');
fs.writeFileSync(file, readme.slice(0, a + start.length) + renderRuleTable() + readme.slice(b));
console.log(`docs/rules.md: ${RULE_LIST.length} rules`);
