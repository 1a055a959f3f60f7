// Compares a page's screenshot with a committed reference image, with a tolerance: a pixel
// counts as different when a channel differs by more than `channelTolerance`, and the check
// fails when more than `maxDifferentRatio` of the pixels differ (font anti-aliasing may move by
// a shade between machines; a moved widget or a blurry scale changes far more).
// ORGDESK_UPDATE_REFERENCES=1 writes the references instead (review them before committing).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import { artifactsDir } from './harness.mjs';

export const referenceDir = path.join(import.meta.dirname, 'reference');

// Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium writes) to RGBA pixels.
export function decodePng(png) {
  let width = 0;
  let height = 0;
  let colorType = 0;
  const data = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const body = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') {
      width = body.readUInt32BE(0);
      height = body.readUInt32BE(4);
      if (body[8] !== 8 || body[12] !== 0) throw new Error('only 8-bit, non-interlaced PNGs');
      colorType = body[9];
    } else if (type === 'IDAT') {
      data.push(body);
    }
    at += 12 + length;
  }
  const channels = { 2: 3, 6: 4 }[colorType];
  if (!channels) throw new Error(`PNG color type ${colorType} is not RGB or RGBA`);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(width * height * 4);
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < height; y += 1) {
    const filter = raw[y * (stride + 1)];
    const line = Buffer.from(raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1)));
    for (let x = 0; x < stride; x += 1) {
      const left = x >= channels ? line[x - channels] : 0;
      const up = previous[x];
      const upLeft = x >= channels ? previous[x - channels] : 0;
      let add = 0;
      if (filter === 1) add = left;
      else if (filter === 2) add = up;
      else if (filter === 3) add = (left + up) >> 1;
      else if (filter === 4) {
        const p = left + up - upLeft;
        const [pa, pb, pc] = [Math.abs(p - left), Math.abs(p - up), Math.abs(p - upLeft)];
        add = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
      }
      line[x] = (line[x] + add) & 0xff;
    }
    for (let x = 0; x < width; x += 1) {
      for (let c = 0; c < 4; c += 1) {
        pixels[(y * width + x) * 4 + c] = c < channels ? line[x * channels + c] : 255;
      }
    }
    previous = line;
  }
  return { width, height, pixels };
}

// Throws, naming the files to look at, when `png` differs from the reference `name`.png.
export function compareWithReference(png, name, { channelTolerance = 40, maxDifferentRatio = 0.004 } = {}) {
  const reference = path.join(referenceDir, `${name}.png`);
  mkdirSync(artifactsDir, { recursive: true });
  const actualPath = path.join(artifactsDir, `${name}.actual.png`);
  writeFileSync(actualPath, png);
  if (process.env.ORGDESK_UPDATE_REFERENCES === '1') {
    mkdirSync(referenceDir, { recursive: true });
    writeFileSync(reference, png);
    return { differentRatio: 0 };
  }
  if (!existsSync(reference)) {
    throw new Error(`no reference ${reference}; run with ORGDESK_UPDATE_REFERENCES=1 to make one`);
  }
  const want = decodePng(readFileSync(reference));
  const got = decodePng(png);
  if (want.width !== got.width || want.height !== got.height) {
    throw new Error(`${name}: ${got.width}x${got.height} px, the reference is ${want.width}x${want.height} (${actualPath})`);
  }
  let different = 0;
  for (let i = 0; i < got.pixels.length; i += 4) {
    for (let c = 0; c < 3; c += 1) {
      if (Math.abs(got.pixels[i + c] - want.pixels[i + c]) > channelTolerance) {
        different += 1;
        break;
      }
    }
  }
  const differentRatio = different / (got.width * got.height);
  if (differentRatio > maxDifferentRatio) {
    throw new Error(`${name}: ${(differentRatio * 100).toFixed(2)} % of the pixels differ from ${reference} ` +
                    `(at most ${(maxDifferentRatio * 100).toFixed(2)} % may); see ${actualPath}`);
  }
  return { differentRatio };
}
