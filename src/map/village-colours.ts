/** Colours of the village points (viridis ends: yellow for rural committees, dark purple for urban ones). */
export const VILLAGE_COLOURS = {
  rural: [253, 231, 37, 230],
  urban: [68, 1, 84, 200],
} as const;

/** RGBA per village (4 bytes each) from the rural flags; computed once per load, in the data worker. */
export function villageColours(rural: Uint8Array): Uint8Array {
  const colours = new Uint8Array(rural.length * 4);
  for (let i = 0; i < rural.length; i++) colours.set(rural[i] ? VILLAGE_COLOURS.rural : VILLAGE_COLOURS.urban, i * 4);
  return colours;
}
