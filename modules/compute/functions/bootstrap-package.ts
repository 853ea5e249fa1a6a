import { crc32 } from "node:zlib";

/** One file of a package: name, text and Unix mode. */
export type PackageFile = readonly [string, string, number];

/**
 * The handler every function starts with until the release pipeline ships its
 * code: it answers 503 and logs that no release has reached the function.
 * One archive serves every runtime: Node.js loads `index.mjs`, Python
 * `index.py`, each exporting `handler` (the default `index.handler`); an
 * OS-only runtime (`provided.al2023`) runs the executable `bootstrap`, which
 * fails its initialization with the same message.
 */
const FILES: readonly PackageFile[] = [
  ["index.mjs", `export const handler = async () => {
  console.error(JSON.stringify({ message: "bootstrap handler: no release has been deployed to this function" }));
  return { statusCode: 503, body: "not deployed" };
};
`, 0o644],
  ["index.py", `import json


def handler(event, context):
    print(json.dumps({"message": "bootstrap handler: no release has been deployed to this function"}))
    return {"statusCode": 503, "body": "not deployed"}
`, 0o644],
  ["bootstrap", `#!/bin/sh
echo '{"message": "bootstrap handler: no release has been deployed to this function"}' >&2
exit 1
`, 0o755],
];

/** DOS date 1980-01-01 00:00: a fixed timestamp, so the archive (and the object holding it) is the same on every synth. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

/**
 * The bootstrap package (or other fixed `files`) as a zip (stored, uncompressed), base64: built here
 * rather than committed or zipped at synth by cdktf's asset archiver, whose
 * timestamps would differ between machines.
 */
export function bootstrapPackageBase64(files: readonly PackageFile[] = FILES): string {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text, mode] of files) {
    const data = Buffer.from(text, "utf8");
    const fileName = Buffer.from(name, "utf8");
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(0, 8);
    local.writeUInt16LE(0, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(0x0314, 4); // made by: Unix, so the mode below is read
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0, 8);
    central.writeUInt16LE(0, 10);
    central.writeUInt16LE(0, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(((0o100000 | mode) << 16) >>> 0, 38); // regular file with its Unix mode
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    centrals.push(central, fileName);
    offset += local.length + fileName.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]).toString("base64");
}
