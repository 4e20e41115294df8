#!/usr/bin/env node
'use strict';
// npm run docs: writes the rule catalogue table (lib/rules.ts) into README.md between the
// rules:start and rules:end markers. test/readme.test.ts fails when the README is stale.
const fs = require('fs');
const path = require('path');
const { renderRuleTable, RULE_LIST } = require('../build/lib/rules');

const file = path.resolve(__dirname, '..', 'README.md');
const readme = fs.readFileSync(file, 'utf-8');
const start = '<!-- rules:start -->\n';
const end = '<!-- rules:end -->';
const a = readme.indexOf(start);
const b = readme.indexOf(end);
if (a < 0 || b < a) throw new Error('README.md has no <!-- rules:start --> ... <!-- rules:end --> section');
fs.writeFileSync(file, readme.slice(0, a + start.length) + renderRuleTable() + readme.slice(b));
console.log(`README.md: ${RULE_LIST.length} rules`);
