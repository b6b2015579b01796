import { readFileSync, readdirSync } from 'node:fs';
const R = '/work/wt/s21-vision/dist/vision/';
const { HandModel } = await import(R + 'pose.js');
const { decodePhoto } = await import(R + 'image.js');
const hm = await HandModel.open();
// peek at raw detections
const dir = 'fixtures/images/photos';
for (const f of readdirSync(dir).filter((f) => f.endsWith('.jpg'))) {
  const photo = await decodePhoto(readFileSync(`${dir}/${f}`));
  const res = await hm.detect(photo, { face: { enabled: false }, hand: { enabled: true } });
  for (const h of res.hand) {
    const p = h.keypoints;
    const d = (a, b) => Math.hypot(a[0] - b[0], a[1] - b[1]);
    const palm = d(p[0], p[9]);
    const ax = [(p[9][0] - p[0][0]) / palm, (p[9][1] - p[0][1]) / palm];
    const ang = (a, b, c) => { const v = [a[0] - b[0], a[1] - b[1]], w = [c[0] - b[0], c[1] - b[1]]; return Math.acos(Math.max(-1, Math.min(1, (v[0] * w[0] + v[1] * w[1]) / (Math.hypot(...v) * Math.hypot(...w))))) * 180 / Math.PI; };
    const fs = [[5, 6, 8], [9, 10, 12], [13, 14, 16], [17, 18, 20]].map(([m, pp, t]) => `${(((p[t][0] - p[m][0]) * ax[0] + (p[t][1] - p[m][1]) * ax[1]) / palm).toFixed(2)}/${ang(p[m], p[pp], p[t]).toFixed(0)}`);
    console.log(f, `score ${h.score.toFixed(2)} lm ${h.fingerScore.toFixed(2)} side ${Math.max(h.box[2], h.box[3])}`, 'thumb', ang(p[2], p[3], p[4]).toFixed(0), (d(p[4], p[5]) / palm).toFixed(2), 'fingers', fs.join(' '));
  }
}
