/**
 * The kit is what type folders import, and the registries import the type folders: the kit must
 * load without the registries, and a render file must load first (a type folder's own test
 * imports it before anything else) without meeting a half-evaluated module.
 */
import { jest } from '@jest/globals';

it('loads without the registries, which are installed only by the package entry or the test helpers', async () => {
  await jest.isolateModulesAsync(async () => {
    const kit = await import('@tessera/renderer/kit');
    expect(() => kit.getFieldRenderer('text')).toThrow(/no field renderers installed/);
  });
});

it('a render file loaded before the registries is the one they register', async () => {
  await jest.isolateModulesAsync(async () => {
    const { moneyField } = await import('@tessera/core/field-types/money/money.render');
    const { TableComponent } = await import('@tessera/core/component-types/table/table.render');
    const { getFieldRenderer, getComponentRenderer } = await import('@tessera/renderer');
    expect(getFieldRenderer('money')).toBe(moneyField);
    expect(getComponentRenderer('table').Component).toBe(TableComponent);
  });
});
