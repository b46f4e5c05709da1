/**
 * One expression modal for the whole builder. Forms ask for it through `useExpressionEditor`;
 * without a host (tests, plain forms) the ƒx button simply isn't offered.
 */
import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import type { Expr } from '../store/draft.types';
import { ExpressionModal } from './expression.modal';

interface Request {
  value: Expr | undefined;
  onChange(v: Expr): void;
  entityId?: string;
}

const HostContext = createContext<((r: Request) => void) | null>(null);

export function ExpressionHost({ children }: { children: ReactNode }) {
  const [request, setRequest] = useState<Request | null>(null);
  // Mounted on first use (and kept, for the closing animation): a closed antd Modal still costs
  // its styles and a render on every edit, and most sessions never open it.
  const [used, setUsed] = useState(false);
  if (request && !used) setUsed(true);
  return (
    <HostContext.Provider value={setRequest}>
      {children}
      {used && (
        <ExpressionModal
          open={!!request}
          initial={request?.value?.$expr ?? ''}
          entityId={request?.entityId}
          onClose={() => setRequest(null)}
          onApply={(expr) => {
            if (expr.trim()) request?.onChange({ $expr: expr });
            setRequest(null);
          }}
        />
      )}
    </HostContext.Provider>
  );
}

export function useExpressionEditor(entityId?: string) {
  const open = useContext(HostContext);
  return useMemo(
    () => (open ? (value: Expr | undefined, onChange: (v: Expr) => void) => open({ value, onChange, entityId }) : undefined),
    [open, entityId],
  );
}

/** Opens the editor imperatively (the "computed column" action of the table panel). */
export function useOpenExpression() {
  return useContext(HostContext);
}
