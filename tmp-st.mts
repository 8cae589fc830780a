import { readFileSync } from 'node:fs';
import readXlsxFile from 'read-excel-file/universal';
const b = readFileSync('/tmp/excelgpkg-h/big200k.xlsx');
const t = Date.now();
try { const s = await readXlsxFile(b.buffer.slice(b.byteOffset, b.byteOffset + b.length)); console.log(s[0].data.length, Date.now() - t); }
catch (e) { console.log((e as Error).stack?.split('\n').slice(0, 12).join('\n'), Date.now() - t); }
