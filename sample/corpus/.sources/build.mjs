#!/usr/bin/env node
// Rebuilds the generated files of the Crosscheck sample corpus from the sources in this folder:
//   leaks/mx7-insight.mbox and leaks/*.eml  (from *.in: attachments base64-encoded, headers
//                                            RFC 2047-encoded, one body quoted-printable)
//   reports/2012-04-30-atajo-staff-memo.pdf (from atajo-memo.md, a minimal PDF with a text layer)
//   archive/radio-bravo-and-atf-clips.zip   (from archive/)
// Usage: node sample/.sources/build.mjs      Needs nothing but Node 20; output is byte-stable.
// Hand-written on purpose: the sample must rebuild on a fresh machine without extra tools, and
// the three formats need only a few lines each.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { crc32, deflateRawSync } from 'node:zlib';

const here = dirname(fileURLToPath(import.meta.url));
const sample = join(here, '..');

// ---------------------------------------------------------------- mail
function base64Lines(bytes) {
  return bytes.toString('base64').replace(/.{76}/g, '$&\n').replace(/\n$/, '');
}

/** RFC 2047 B-encoding, split into encoded-words of at most 75 characters. */
function rfc2047(text) {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words = [];
  let chunk = '';
  for (const ch of text) {
    if (Buffer.byteLength(chunk + ch) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w).toString('base64')}?=`).join('\n ');
}

/** Quoted-printable (RFC 2045) of UTF-8 text, LF line ends, soft breaks before column 76. */
function quotedPrintable(text) {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      let col = 0;
      const bytes = Buffer.from(line, 'utf8');
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const plain = (b >= 33 && b <= 126 && b !== 61) || (b === 32 && !last);
        const piece = plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
        if (col + piece.length > 75) {
          out += '=\n';
          col = 0;
        }
        out += piece;
        col += piece.length;
      });
      return out;
    })
    .join('\n');
}

function expand(template) {
  return template
    .replace(/\{\{base64:([^}]+)\}\}/g, (_m, file) => base64Lines(readFileSync(join(here, file))))
    .replace(/\{\{rfc2047:([^}]+)\}\}/g, (_m, text) => rfc2047(text))
    .replace(/\{\{qp\}\}\n([\s\S]*?)\{\{\/qp\}\}\n/g, (_m, body) => `${quotedPrintable(body.replace(/\n$/, ''))}\n`);
}

writeFileSync(join(sample, 'leaks', 'mx7-insight.mbox'), expand(readFileSync(join(here, 'mx7-insight.mbox.in'), 'utf8')));
for (const name of readdirSync(here).filter((n) => n.endsWith('.eml.in')).sort()) {
  const eml = expand(readFileSync(join(here, name), 'utf8')).replace(/\r?\n/g, '\r\n');
  writeFileSync(join(sample, 'leaks', name.replace(/\.in$/, '')), eml);
}

// ---------------------------------------------------------------- PDF
const WIN_ANSI = { '\u2014': 0x97, '\u2013': 0x96, '\u201c': 0x93, '\u201d': 0x94, '\u2018': 0x91, '\u2019': 0x92, '\u2022': 0x95, '\u2026': 0x85 };
function winAnsi(text) {
  const bytes = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (WIN_ANSI[ch] !== undefined) bytes.push(WIN_ANSI[ch]);
    else if (code < 0x7f || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
    else throw new Error(`No WinAnsi code for ${JSON.stringify(ch)} in the memo`);
  }
  return Buffer.from(bytes);
}
function pdfString(text) {
  const bytes = winAnsi(text);
  let out = '';
  for (const b of bytes) {
    out += b === 0x28 || b === 0x29 || b === 0x5c ? `\\${String.fromCharCode(b)}` : String.fromCharCode(b);
  }
  return out; // latin1 characters, one per byte
}
function wrap(text, width) {
  const lines = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/** Markdown subset → lines of { text, font, size, gap }. */
function layout(markdown) {
  const out = [];
  const blocks = markdown.trim().split(/\n\s*\n/);
  for (const block of blocks) {
    const lines = block.split('\n');
    if (block.startsWith('# ')) out.push({ text: block.slice(2), font: 'F2', size: 16, gap: 10 });
    else if (block.startsWith('## ')) out.push({ text: block.slice(3), font: 'F2', size: 12, gap: 8 });
    else if (lines.every((l) => /^(\d+\.|-) /.test(l))) {
      for (const item of lines) {
        const bullet = item.startsWith('- ') ? '\u2022 ' : item.slice(0, item.indexOf(' ') + 1);
        wrap(item.slice(item.indexOf(' ') + 1).replace(/\*\*?/g, ''), 84).forEach((l, i) =>
          out.push({ text: (i === 0 ? bullet : '   ') + l, font: 'F1', size: 10, gap: 2, indent: 14 }),
        );
        out[out.length - 1].gap = 5;
      }
      continue;
    } else if (lines.every((l) => l.startsWith('**'))) {
      for (const l of lines) out.push({ text: l.replace(/\*\*/g, ''), font: 'F1', size: 10, gap: 2 });
    } else {
      for (const l of wrap(block.replace(/\*\*?/g, ''), 90)) out.push({ text: l, font: 'F1', size: 10, gap: 2 });
    }
    out[out.length - 1].gap += 8;
  }
  return out;
}

function buildPdf(markdown, title) {
  const pages = [];
  let ops = [];
  let y = 720;
  for (const line of layout(markdown)) {
    if (y - line.size < 72) {
      pages.push(ops);
      ops = [];
      y = 720;
    }
    y -= line.size;
    ops.push(`BT /${line.font} ${line.size} Tf ${72 + (line.indent ?? 0)} ${y} Td (${pdfString(line.text)}) Tj ET`);
    y -= line.gap;
  }
  pages.push(ops);
  const objects = [];
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title (${pdfString(title)}) /Producer (Crosscheck sample build script) >>`;
  const kids = [];
  pages.forEach((pageOps, i) => {
    const pageId = 6 + i * 2;
    const contentId = pageId + 1;
    kids.push(`${pageId} 0 R`);
    const stream = pageOps.join('\n') + `\nBT /F1 8 Tf 290 40 Td (${i + 1}) Tj ET`;
    objects[pageId] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${contentId} 0 R >>`;
    objects[contentId] = `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`;
  });
  objects[2] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(pdf, 'latin1');
    pdf += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) pdf += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

writeFileSync(
  join(sample, 'reports', '2012-04-30-atajo-staff-memo.pdf'),
  buildPdf(readFileSync(join(here, 'atajo-memo.md'), 'utf8'), 'Memorandum: Operation Atajo trace records (fictional)'),
);

// ---------------------------------------------------------------- zip
function buildZip(files) {
  const dosTime = (12 << 11) | (0 << 5); // 12:00:00
  const dosDate = ((2012 - 1980) << 9) | (4 << 5) | 10; // 2012-04-10
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const { name, data } of files) {
    const nameBytes = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data, { level: 9 });
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(0x0800, 6); // UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(dosTime, 10);
    header.writeUInt16LE(dosDate, 12);
    header.writeUInt32LE(crc32(data), 14);
    header.writeUInt32LE(packed.length, 18);
    header.writeUInt32LE(data.length, 22);
    header.writeUInt16LE(nameBytes.length, 26);
    header.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    header.copy(central, 8, 6, 30);
    central.writeUInt32LE(offset, 42);
    locals.push(header, nameBytes, packed);
    centrals.push(central, nameBytes);
    offset += header.length + nameBytes.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...centrals, end]);
}

const members = readdirSync(join(here, 'archive'))
  .sort()
  .map((name) => ({ name, data: readFileSync(join(here, 'archive', name)) }));
writeFileSync(join(sample, 'archive', 'radio-bravo-and-atf-clips.zip'), buildZip(members));
console.log('sample corpus rebuilt');
