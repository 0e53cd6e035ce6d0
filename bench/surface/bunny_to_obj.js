// Converts the npm "bunny" module ({positions, cells}) to OBJ on stdout. Usage: node bunny_to_obj.js DIR_OF_PACKAGE
const b = require(require('path').resolve(process.argv[2]));
const out = [];
for (const p of b.positions) out.push(`v ${p[0]} ${p[1]} ${p[2]}`);
for (const c of b.cells) out.push(`f ${c[0] + 1} ${c[1] + 1} ${c[2] + 1}`);
process.stdout.write(out.join('\n') + '\n');
