// A small image made on the spot (no file, no download) for checking that the models run.
import sharp from 'sharp';

export async function sampleImage(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="480" height="160"><rect width="100%" height="100%" fill="#fff"/><text x="240" y="100" font-family="DejaVu Sans, sans-serif" font-weight="bold" font-size="56" text-anchor="middle" fill="#000">NETRAL 2024</text></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}
