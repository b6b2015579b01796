// Raised fingers → the shape and the ballot number it shows (domain.md §3.1).
import { describe, expect, it } from 'vitest';
import { SHAPE_SIGN, shapeOf } from '../../src/vision/hand-shape.js';

describe('hand shapes', () => {
  it('reads the number signs of §3.1', () => {
    expect(shapeOf(['index'])).toBe('index');
    expect(shapeOf(['middle', 'index'])).toBe('v');
    expect(shapeOf(['index', 'middle', 'ring'])).toBe('three');
    // the lite landmark model swaps the ring and little finger of a three-finger sign
    expect(shapeOf(['index', 'middle', 'pinky'])).toBe('three');
    // three counted from the thumb (HaGRID's "three2"); a thumb beside one finger stays no number (a "gun")
    expect(shapeOf(['thumb', 'index', 'middle'])).toBe('three');
    expect(SHAPE_SIGN[shapeOf(['thumb', 'index'])].number).toBeUndefined();
    expect(shapeOf(['thumb', 'index', 'pinky'])).toBe('metal');
    expect(shapeOf(['index', 'middle', 'ring', 'pinky'])).toBe('four');
  });
  it('gives a thumb up no number of its own: it is 01 only where a registry lists 👍', () => {
    expect(shapeOf(['thumb'])).toBe('thumb');
    expect(SHAPE_SIGN.thumb.number).toBeUndefined();
    expect(SHAPE_SIGN.thumb.emoji).toContain('👍');
  });
  it('reads a fist, an open palm and odd shapes as no number', () => {
    expect(SHAPE_SIGN[shapeOf([])].number).toBeUndefined();
    expect(SHAPE_SIGN[shapeOf(['thumb', 'index', 'middle', 'ring', 'pinky'])].number).toBeUndefined();
    expect(SHAPE_SIGN[shapeOf(['ring'])].number).toBeUndefined();
  });
  it('maps V to 2 and the three-finger and metal forms to 3', () => {
    expect(SHAPE_SIGN.v.number).toBe(2);
    expect(SHAPE_SIGN.three.number).toBe(3);
    expect(SHAPE_SIGN.metal.number).toBe(3);
  });
});
