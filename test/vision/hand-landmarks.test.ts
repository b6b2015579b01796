// Raised fingers read from hand landmarks (hand-shape.ts), on landmark sets the hand model gave
// for photographs of fixtures/images/photos (recorded once, so this runs without the optional
// vision packages), and on the same hands turned and mirrored.
import { describe, expect, it } from 'vitest';
import { keepsHand, raisedFingers, shapeOf, thumbOverFist, type Landmark } from '../../src/vision/hand-shape.js';

type Points = Array<[number, number]>;
// @vladmandic/human 3.3.6 handtrack + handlandmark-lite, WASM backend, on:
const POINTING_UP: Points = [[334,139],[321,128],[310,110],[308,90],[312,77],[312,86],[305,60],[301,44],[299,30],[323,85],[322,69],[322,88],[324,102],[334,88],[333,73],[330,89],[329,101],[345,94],[343,81],[339,90],[336,98]]; // foto-telunjuk.jpg
const VICTORY: Points = [[112,351],[135,341],[151,323],[139,313],[124,313],[147,261],[162,220],[170,193],[174,168],[122,259],[116,211],[107,183],[99,159],[101,269],[92,255],[100,286],[106,308],[83,289],[80,282],[88,301],[97,316]]; // foto-v.jpg
const THUMB_UP_SIDE: Points = [[262,312],[259,284],[264,258],[272,239],[274,226],[271,265],[284,258],[291,256],[295,255],[275,276],[291,271],[299,269],[303,270],[280,289],[295,284],[303,280],[307,281],[283,301],[296,300],[304,296],[309,294]]; // foto-jempol.jpg
const FIST: Points = [[464,241],[449,234],[437,222],[434,210],[439,201],[446,202],[447,191],[448,202],[446,210],[455,202],[456,190],[456,205],[455,211],[465,203],[465,193],[464,206],[463,213],[474,208],[475,198],[473,207],[471,212]]; // foto-kepal.jpg (before scaling)
// an open palm, the little finger splayed sideways: straight, but reaching only 0.3 palms out
const OPEN_PALM_SPLAYED: Points = [[212,283],[205,279],[200,274],[197,271],[194,270],[205,252],[202,241],[201,235],[200,231],[213,251],[215,239],[216,232],[216,228],[219,255],[224,244],[226,238],[228,234],[225,262],[232,257],[236,255],[238,253]]; // foto-telapak.jpg
// the wrist landmark put on the knuckles: the fingers come out nine palms long
const MISPLACED_WRIST: Points = [[148,675],[152,711],[147,735],[126,749],[89,763],[152,691],[108,716],[75,730],[51,744],[143,661],[89,687],[47,701],[15,714],[135,638],[83,656],[42,669],[10,684],[124,621],[97,621],[76,623],[53,632]]; // foto-tangan-santai.jpg
// a V seen close (HaGRID's "peace" cell held up): the model draws the folded thumb along the index finger
const V_THUMB_ALONG_INDEX: Points = [[193,376],[164,319],[149,231],[150,160],[153,106],[177,209],[158,153],[149,116],[146,85],[204,214],[208,145],[212,97],[219,53],[231,238],[240,203],[222,230],[208,256],[254,277],[260,260],[241,276],[224,294]]; // scenes-r4/check/tangan-v-dekat.jpg
// three counted from the thumb (HaGRID's "three2" cell held up): the thumb held out, its tip a palm from the index tip
const THREE_FROM_THUMB: Points = [[460,426],[441,401],[430,369],[417,346],[400,334],[460,337],[456,306],[455,286],[455,269],[478,342],[489,307],[496,285],[502,267],[492,358],[506,336],[499,351],[490,364],[501,379],[511,371],[501,380],[490,389]]; // scenes-r12/check/pose-tiga-jari-spanduk-ganjar-mahfud.jpg
// HaGRID's "like" cell held up as two thumbs (scenes-r16/check/pose-dua-jempol-spanduk-jokowi-amin.jpg):
// the wrist put on the fist, the folded fingers drawn as lines across it ("five", and nothing)
const LIKE_LEFT: Points = [[169,440],[167,408],[158,378],[149,356],[145,334],[160,396],[145,389],[137,385],[132,381],[156,415],[139,405],[130,401],[124,395],[151,432],[134,421],[127,416],[124,412],[145,448],[131,441],[127,438],[125,434]];
const LIKE_RIGHT: Points = [[468,434],[470,401],[479,374],[491,355],[500,341],[473,398],[488,396],[501,389],[511,380],[476,420],[496,418],[511,412],[520,409],[480,438],[498,435],[512,425],[520,421],[484,453],[497,455],[508,447],[515,440]];

const turn = (pts: Points, deg: number): Landmark[] => {
  const r = (deg * Math.PI) / 180;
  return pts.map(([x, y]) => [x * Math.cos(r) - y * Math.sin(r), x * Math.sin(r) + y * Math.cos(r)]);
};
const mirror = (pts: Points): Landmark[] => pts.map(([x, y]) => [-x, y]);

describe('raised fingers from hand landmarks', () => {
  it('reads one index finger, a V and a fist', () => {
    expect(shapeOf(raisedFingers(POINTING_UP) ?? [])).toBe('index');
    expect(shapeOf(raisedFingers(VICTORY) ?? [])).toBe('v');
    expect(raisedFingers(FIST)).toEqual([]);
  });

  it('reads a V whose thumb the model draws along the index finger as a V, and a thumb held out beside two fingers as three', () => {
    expect(raisedFingers(V_THUMB_ALONG_INDEX)).toEqual(['index', 'middle']);
    expect(shapeOf(raisedFingers(turn(V_THUMB_ALONG_INDEX, 30)) ?? [])).toBe('v');
    expect(raisedFingers(THREE_FROM_THUMB)).toEqual(['thumb', 'index', 'middle']);
    expect(shapeOf(raisedFingers(mirror(THREE_FROM_THUMB)) ?? [])).toBe('three');
  });

  it('reads a thumbs-up seen from the side as a thumb, not as fingers (they lie across the palm)', () => {
    expect(raisedFingers(THUMB_UP_SIDE)).toEqual(['thumb']);
  });

  it('reads the same shape from a hand tilted or mirrored (left and right hands)', () => {
    expect(shapeOf(raisedFingers(turn(VICTORY, 35)) ?? [])).toBe('v');
    expect(shapeOf(raisedFingers(turn(POINTING_UP, -40)) ?? [])).toBe('index');
    expect(shapeOf(raisedFingers(mirror(VICTORY)) ?? [])).toBe('v');
  });

  it('reads a thumbs-up whose fist the model draws badly from its outline: the thumb high over fingers lying across', () => {
    expect(raisedFingers(LIKE_LEFT)).toEqual(['thumb']);
    expect(raisedFingers(LIKE_RIGHT)).toEqual(['thumb']);
    expect(thumbOverFist(mirror(LIKE_RIGHT))).toBe(true);
    // turned over, or lying on its side, it is no thumbs-up
    expect(thumbOverFist(turn(LIKE_LEFT, 180))).toBe(false);
    expect(thumbOverFist(turn(LIKE_LEFT, 90))).toBe(false);
    // an upright V, a pointing finger, a fist and an open palm are not read so
    for (const pts of [VICTORY, POINTING_UP, FIST, OPEN_PALM_SPLAYED, THREE_FROM_THUMB, V_THUMB_ALONG_INDEX]) expect(thumbOverFist(pts)).toBe(false);
  });

  it('does not count a lone thumb pointing sideways or down as a thumbs-up', () => {
    expect(raisedFingers(turn(THUMB_UP_SIDE, 100))).toEqual([]);
    expect(raisedFingers(turn(THUMB_UP_SIDE, 180))).toEqual([]);
  });

  it('claims no count from a hand with a finger neither up nor folded (an open palm is not "three")', () => {
    expect(raisedFingers(OPEN_PALM_SPLAYED)).toBeUndefined();
    expect(raisedFingers(turn(OPEN_PALM_SPLAYED, 60))).toBeUndefined();
    // the thumbs-up seen from the side keeps its thumb: its folded fingers lie part way along the palm
    expect(raisedFingers(turn(THUMB_UP_SIDE, 10))).toEqual(['thumb']);
  });

  it('claims nothing from a skeleton that is not a hand (wrist misplaced, too few points)', () => {
    expect(raisedFingers(MISPLACED_WRIST)).toBeUndefined();
    expect(raisedFingers(VICTORY.slice(0, 12))).toBeUndefined();
  });

  it('keeps a low-scored box only when it fills the frame and the landmark model is sure of it', () => {
    const photo = { width: 480, height: 640 };
    // the V filling foto-v-dekat.jpg: detector 0.09, landmarks 0.73, 481 px long
    expect(keepsHand({ score: 0.09, landmarkScore: 0.73, side: 481 }, photo, true)).toBe(true);
    // ... but not in the framed second look, and not when the landmark model doubts it
    expect(keepsHand({ score: 0.09, landmarkScore: 0.73, side: 481 }, photo, false)).toBe(false);
    expect(keepsHand({ score: 0.09, landmarkScore: 0.67, side: 481 }, photo, true)).toBe(false);
    // a small low-scored box the landmark model likes (a fist read as a thumb in a wide shot)
    expect(keepsHand({ score: 0.22, landmarkScore: 0.74, side: 60 }, { width: 1000, height: 750 }, true)).toBe(false);
    // boxes the detector is surer of need the usual landmark score, and a size of 40 px
    expect(keepsHand({ score: 0.48, landmarkScore: 0.62, side: 87 }, photo, false)).toBe(true);
    expect(keepsHand({ score: 0.48, landmarkScore: 0.51, side: 87 }, photo, true)).toBe(false);
    expect(keepsHand({ score: 0.9, landmarkScore: 0.73, side: 30 }, photo, true)).toBe(false);
  });
});
