import sharp from 'sharp';
const [f, x, y, w, h, turn, z, out, mode] = process.argv.slice(2);
const cut = await sharp(f).extract({ left: +x, top: +y, width: +w, height: +h }).resize({ width: Math.round(w * z) }).png().toBuffer();
let img = sharp(await sharp(cut).rotate(-turn, { background: '#808080' }).png().toBuffer()).greyscale();
img = mode === 'clahe' ? img.clahe({ width: 24, height: 24, maxSlope: 4 }) : img.normalise();
await img.png().toFile(out);
