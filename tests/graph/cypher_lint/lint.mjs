// Lint Cypher statements with Neo4j's language support, offline.
// stdin: {"schema": {labels, relationshipTypes}, "statements": {name: cypher}}
// stdout: {name: [{severity, message, line, character}]} for every statement.
// The package's ESM build uses extensionless imports Node cannot resolve, so the
// CommonJS build is loaded through createRequire.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const { lintCypherQuery, testData } = require('@neo4j-cypher/language-support');

const input = JSON.parse(readFileSync(0, 'utf8'));
const schema = {
  labels: input.schema.labels,
  relationshipTypes: input.schema.relationshipTypes,
  // the built-in functions and procedures of a Neo4j 5 server, as the package ships them,
  // so a misspelled function is flagged
  functions: testData.mockSchema.functions,
  procedures: testData.mockSchema.procedures,
};
const severities = { 1: 'error', 2: 'warning', 3: 'information', 4: 'hint' };
const out = {};
for (const [name, query] of Object.entries(input.statements)) {
  out[name] = lintCypherQuery(query, schema).map((d) => ({
    severity: severities[d.severity] ?? String(d.severity),
    message: d.message,
    line: d.range.start.line + 1,
    character: d.range.start.character + 1,
  }));
}
process.stdout.write(JSON.stringify(out));
