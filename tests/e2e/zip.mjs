// Reads a ZIP the way unzip tools do: from the end-of-central-directory record, through each
// central entry to its local header, so a misplaced offset fails here as it would for a user.
import assert from 'node:assert/strict';

const MAGIC = { png: [0x89, 0x50, 0x4e, 0x47], jpeg: [0xff, 0xd8, 0xff], webp: [0x52, 0x49, 0x46, 0x46] };

/** `[{ name, magic, size, modified }]` of a stored ZIP, in directory order; `modified` is the
 * entry's local date and time as `YYYY-MM-DD hh:mm`. */
export function zipEntries(bytes) {
  const eocd = bytes.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
  assert.ok(eocd >= 0, 'a ZIP has an end-of-central-directory record');
  const count = bytes.readUInt16LE(eocd + 10);
  let at = bytes.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    assert.equal(bytes.readUInt32LE(at), 0x02014b50, `central directory entry ${i + 1}`);
    const nameLen = bytes.readUInt16LE(at + 28);
    const size = bytes.readUInt32LE(at + 24);
    const localAt = bytes.readUInt32LE(at + 42);
    const name = bytes.subarray(at + 46, at + 46 + nameLen).toString('utf8');
    assert.equal(bytes.readUInt32LE(localAt), 0x04034b50, `local header of ${name}`);
    assert.equal(bytes.subarray(localAt + 30, localAt + 30 + nameLen).toString('utf8'), name);
    const dataAt = localAt + 30 + nameLen + bytes.readUInt16LE(localAt + 28);
    const head = [...bytes.subarray(dataAt, dataAt + 4)];
    const magic = Object.keys(MAGIC).find((k) => MAGIC[k].every((b, j) => head[j] === b)) ?? 'unknown';
    const time = bytes.readUInt16LE(at + 12);
    const date = bytes.readUInt16LE(at + 14);
    const pad = (v) => String(v).padStart(2, '0');
    const modified = `${1980 + (date >> 9)}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}`;
    entries.push({ name, magic, size, modified });
    at += 46 + nameLen + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
  assert.equal(at, eocd, 'the central directory ends at the end record');
  return entries;
}
