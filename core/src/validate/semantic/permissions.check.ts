/** Entity permissions name declared roles and fields of their own entity. */
import { didYouMean } from '../suggest';
import { joinPointer } from '../validation-issue';
import { checkFieldRef, type SemanticContext } from './semantic.context';

export function checkPermissions(ctx: SemanticContext): void {
  ctx.def.entities.forEach(
    (entity, i) =>
      ctx.entities.get(entity.id)?.index === i &&
      entity.permissions.forEach((p, j) => {
        const at = `/entities/${i}/permissions/${j}`;
        if (!ctx.ids.role.has(p.role)) ctx.report(joinPointer(at, 'role'), `unknown role "${p.role}"${didYouMean(p.role, ctx.ids.role)}`);
        if ((p.rows === 'own' || p.rows === 'team') && !entity.ownerField) {
          ctx.report(joinPointer(at, 'rows'), `rows "${p.rows}" needs the entity's ownerField`);
        }
        Object.keys(p.fields).forEach((f) => checkFieldRef(ctx, entity.id, f, joinPointer(at, 'fields', f)));
      }),
  );
}
