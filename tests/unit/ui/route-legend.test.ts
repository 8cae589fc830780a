import { describe, expect, it } from 'vitest';
import { ROUTE_COLOURS } from '../../../src/map/layers/routes';
import { setLocale } from '../../../src/ui/i18n';
import { routeItems } from '../../../src/ui/legend-items';

describe('legend line of the delivery runs', () => {
  it('names each van in the colour the map draws it, up to the six colours of the palette', () => {
    setLocale('en');
    expect(routeItems(0)).toEqual([]);
    const items = routeItems(9);
    expect(items).toHaveLength(7);
    expect(items[0].label).toMatch(/colour = van, arrow = driving direction/);
    expect(items[2]).toEqual({ colour: 'rgba(86, 180, 233, 1)', label: 'Van 2', round: false });
    expect(items.slice(1).map((i) => i.colour)).toEqual(ROUTE_COLOURS.map((c) => `rgba(${c[0]}, ${c[1]}, ${c[2]}, 1)`));
    setLocale('zh-CN');
    expect(routeItems(1)[1].label).toBe('车辆 1');
  });
});
