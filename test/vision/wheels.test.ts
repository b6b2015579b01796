// Vehicles seen from the side are found by their two wheels, drawn here as pixels.
import { describe, expect, it } from 'vitest';
import type { Grey } from '../../src/vision/text-regions.js';
import { vehicleOver, wheelsIn } from '../../src/vision/wheels.js';

/** A grey image (light background) with discs painted in order: later ones cover earlier ones. */
function draw(width: number, height: number, shapes: Array<{ x: number; y: number; r: number; v: number } | { rect: [number, number, number, number]; v: number }>): Grey {
  const data = new Uint8Array(width * height).fill(200);
  for (const s of shapes)
    for (let y = 0; y < height; y++)
      for (let x = 0; x < width; x++) {
        const inside = 'rect' in s ? x >= s.rect[0] && y >= s.rect[1] && x < s.rect[0] + s.rect[2] && y < s.rect[1] + s.rect[3] : Math.hypot(x - s.x, y - s.y) <= s.r;
        if (inside) data[y * width + x] = s.v;
      }
  return { data, width, height };
}
const wheel = (x: number, y: number, r: number) => [
  { x, y, r, v: 25 },
  { x, y, r: r * 0.45, v: 160 },
];

describe('wheels and the vehicle over them', () => {
  it('finds two tyres with hubs, even with the body hiding their tops, and the body above them', () => {
    // a scooter: two wheels, the body (mid-grey) covering their upper third
    const grey = draw(200, 150, [...wheel(50, 115, 17), ...wheel(150, 115, 17), { rect: [30, 60, 140, 47], v: 120 }]);
    const wheels = wheelsIn(grey);
    expect(wheels).toHaveLength(2);
    const body = vehicleOver(wheels, grey);
    expect(body).toBeDefined();
    // the body spans both wheels and reaches well above them
    expect(body!.x).toBeLessThanOrEqual(33);
    expect(body!.x + body!.w).toBeGreaterThanOrEqual(167);
    expect(body!.y).toBeLessThan(60);
  });

  it('sees no vehicle in one wheel, in dark discs without a hub, or in wheels of very different sizes', () => {
    expect(vehicleOver(wheelsIn(draw(200, 150, wheel(60, 100, 20))), { width: 200, height: 150 })).toBeUndefined();
    expect(wheelsIn(draw(200, 150, [{ x: 50, y: 100, r: 18, v: 25 }, { x: 150, y: 100, r: 18, v: 25 }]))).toHaveLength(0);
    expect(vehicleOver(wheelsIn(draw(200, 150, [...wheel(40, 110, 12), ...wheel(140, 100, 30)])), { width: 200, height: 150 })).toBeUndefined();
  });
});
