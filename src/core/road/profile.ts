/**
 * The car profile: which OSM ways a car drives, how fast, and in which direction. Defaults are the speeds of
 * issue 13 (km/h per `highway` class, an assumption of typical rural Chinese driving speeds, not measured);
 * a JSON file can override any of them (see {@link parseProfileJson}).
 *
 * Rules, in order:
 * - a way whose `highway` is not a key of `speedsKmh` is not driven (footway, path, cycleway, steps, pedestrian,
 *   bridleway, construction, proposed, ...);
 * - the most specific of `motorcar`, `motor_vehicle`, `vehicle`, `access` that is set decides access, and
 *   `no` or `private` means not driven (so `access=private` + `motorcar=yes` is driven);
 * - speed: a numeric `maxspeed` in km/h (`"60"`), or in mph (`"40 mph"`, converted with 1.609344), replaces the
 *   class speed; any other value (`"CN:urban"`, `"none"`, `"walk"`, `"50;60"`, 0, negative) keeps the class speed;
 * - direction: `oneway=yes|1|true` one way along the node order, `oneway=-1` against it, `junction=roundabout`
 *   one way along (unless `oneway=-1`); everything else (absent, `no`, `reversible`, ...) both ways. Motorways
 *   are NOT implied one way: OSM maps each carriageway with its own `oneway=yes`.
 */

/** A car profile. Speeds in km/h. */
export interface CarProfile {
  /** Speed of each drivable `highway` class. */
  speedsKmh: Record<string, number>;
  /**
   * Speed of the snap leg, from a point (village, site, center) to the nearest drivable segment, in km/h.
   * Default 10: an assumption that the last metres are an unmapped lane driven like a `track` (10 km/h).
   */
  accessSpeedKmh: number;
}

/** Default speeds of issue 13, km/h (assumption; see the module comment). */
export const DEFAULT_SPEEDS_KMH: Readonly<Record<string, number>> = Object.freeze({
  motorway: 90,
  motorway_link: 45,
  trunk: 70,
  trunk_link: 40,
  primary: 60,
  primary_link: 30,
  secondary: 50,
  secondary_link: 25,
  tertiary: 40,
  tertiary_link: 20,
  unclassified: 30,
  residential: 25,
  living_street: 10,
  service: 15,
  track: 10,
});

/** Default access speed of the snap leg, km/h (assumption, see {@link CarProfile.accessSpeedKmh}). */
export const DEFAULT_ACCESS_SPEED_KMH = 10;

/** The default car profile. */
export function defaultCarProfile(): CarProfile {
  return { speedsKmh: { ...DEFAULT_SPEEDS_KMH }, accessSpeedKmh: DEFAULT_ACCESS_SPEED_KMH };
}

/** How a way is driven: speed in km/h and 0 both ways, 1 along its nodes, -1 against. */
export interface WayRule {
  speedKmh: number;
  oneway: -1 | 0 | 1;
}

/** Reads a tag of a way; undefined when absent. */
export type TagLookup = (key: string) => string | undefined;

const ACCESS_KEYS = ['motorcar', 'motor_vehicle', 'vehicle', 'access'];
const MPH_KMH = 1.609344;

/**
 * The speed of a `maxspeed` value in km/h, or undefined when it is not a plain number (with optional
 * `km/h`, `kmh`, `kph` or `mph` unit).
 * @example
 * maxspeedKmh('50 mph'); // 80.4672
 */
export function maxspeedKmh(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^\s*(\d+(?:\.\d+)?)\s*(km\/h|kmh|kph|mph)?\s*$/i.exec(value);
  if (match === null) return undefined;
  const speed = Number(match[1]) * (match[2]?.toLowerCase() === 'mph' ? MPH_KMH : 1);
  return speed > 0 && Number.isFinite(speed) ? speed : undefined;
}

/**
 * Whether and how a car drives a way under `profile`.
 * @param tags the way's tags
 * @returns the rule, or undefined when the way is not driven
 * @example
 * wayRule(defaultCarProfile(), (k) => ({ highway: 'primary', oneway: 'yes' })[k]); // { speedKmh: 60, oneway: 1 }
 */
export function wayRule(profile: CarProfile, tags: TagLookup): WayRule | undefined {
  const highway = tags('highway');
  if (highway === undefined) return undefined;
  const classSpeed = Object.prototype.hasOwnProperty.call(profile.speedsKmh, highway)
    ? profile.speedsKmh[highway]
    : undefined;
  if (classSpeed === undefined || !(classSpeed > 0)) return undefined;
  for (const key of ACCESS_KEYS) {
    const access = tags(key);
    if (access === undefined) continue;
    if (access === 'no' || access === 'private') return undefined;
    break;
  }
  const speedKmh = maxspeedKmh(tags('maxspeed')) ?? classSpeed;
  const oneway = tags('oneway');
  let direction: -1 | 0 | 1 = 0;
  if (oneway === '-1') direction = -1;
  else if (oneway === 'yes' || oneway === '1' || oneway === 'true') direction = 1;
  else if (tags('junction') === 'roundabout') direction = 1;
  return { speedKmh, oneway: direction };
}

/**
 * A profile from JSON text: `{"speedsKmh": {"track": 5, "footway": 0, "path": 8}, "accessSpeedKmh": 5}`.
 * Listed classes override the defaults (a speed of 0 removes a class, a new class is added); absent keys keep
 * the defaults.
 * @throws Error with a one-line message naming the bad key
 */
export function parseProfileJson(text: string): CarProfile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`profile is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('profile must be a JSON object with "speedsKmh" and/or "accessSpeedKmh"');
  }
  const profile = defaultCarProfile();
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    if (key === 'accessSpeedKmh') {
      if (typeof entry !== 'number' || !(entry > 0)) throw new Error('profile: accessSpeedKmh must be a number > 0');
      profile.accessSpeedKmh = entry;
    } else if (key === 'speedsKmh') {
      if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
        throw new Error('profile: speedsKmh must be an object of highway class -> km/h');
      }
      for (const [highway, speed] of Object.entries(entry as Record<string, unknown>)) {
        if (typeof speed !== 'number' || !(speed >= 0) || !Number.isFinite(speed)) {
          throw new Error(`profile: speedsKmh.${highway} must be a number >= 0 (0 = not driven)`);
        }
        if (speed === 0) delete profile.speedsKmh[highway];
        else profile.speedsKmh[highway] = speed;
      }
    } else throw new Error(`profile: unknown key "${key}" (expected speedsKmh, accessSpeedKmh)`);
  }
  return profile;
}
