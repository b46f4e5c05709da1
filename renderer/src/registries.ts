/**
 * The generated registries of field and component renderers (one entry per type folder of
 * core/src/field-types and core/src/component-types with a `<type>.render.tsx`), installed into the
 * lookups the type folders use through `@tessera/renderer/kit`. Loaded by the package's entry
 * (index.ts) and by the test helpers, never by the kit.
 */
import { installComponentRenderers } from './components/component-lookup';
import { componentRenderers } from './components/components.index';
import { installFieldRenderers } from './fields/field-lookup';
import { fieldRenderers } from './fields/fields.index';

installFieldRenderers(fieldRenderers);
installComponentRenderers(componentRenderers);

export { componentRenderers, fieldRenderers };
