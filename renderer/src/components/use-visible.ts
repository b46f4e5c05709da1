import { useEffect, useState } from 'react';
import { useRenderer } from '../context/renderer.context';
import { isExpression } from '@tessera/core/expressions';
import { evaluate } from '../expressions/expression.evaluate';

/**
 * A component's `visible` rule (JSONata over `$params` and `$user`). Hidden until the rule
 * has answered, so a component the user may not see never flashes; a failing rule hides it.
 */
export function useVisible(rule: unknown): boolean {
  const { params, user } = useRenderer();
  const [visible, setVisible] = useState(!isExpression(rule));
  const key = JSON.stringify(rule ?? null) + JSON.stringify(params);
  useEffect(() => {
    if (!isExpression(rule)) return setVisible(true);
    let alive = true;
    evaluate(rule.$expr, { params, user, record: { params, user } })
      .then((v) => alive && setVisible(Boolean(v)))
      .catch(() => alive && setVisible(false));
    return () => {
      alive = false;
    };
  }, [key]); // eslint-disable-line react-hooks/exhaustive-deps
  return visible;
}
