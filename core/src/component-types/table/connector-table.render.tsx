/**
 * A table over a connector's list operation: rows come from the customer's API through the
 * server, one page at a time when the API pages (its own cursor), and the operation's simple
 * input parameters the binding leaves open are offered as filters above the table.
 */
import { Flex, Input, InputNumber, Select, Table } from 'antd';
import { useMemo, useState } from 'react';
import type { ConnectorSource, Label, TableProps } from '@tessera/core';
import {
  ErrorState,
  humanize,
  ProblemState,
  RemoteValue,
  useConnectorSource,
  useRenderer,
  useT,
  valueAt,
  type OperationInfo,
} from '@tessera/renderer/kit';
import { TablePager } from './table-pager.render';

interface SchemaProp {
  type?: string | string[];
  enum?: unknown[];
  title?: string;
  description?: string;
}

const MAX_FILTERS = 4;

/** The record schema of a list's output (its items), for column titles. */
function recordProps(op: OperationInfo | undefined): Record<string, SchemaProp> {
  const out = op?.output as { items?: { properties?: Record<string, SchemaProp> }; properties?: Record<string, SchemaProp> } | undefined;
  return out?.items?.properties ?? out?.properties ?? {};
}

/** Input parameters a user can filter by: simple values the binding does not set. */
function filterParams(op: OperationInfo | undefined, source: ConnectorSource | undefined): Array<[string, SchemaProp]> {
  const input = op?.input as
    { properties?: Record<string, SchemaProp & { $ref?: string }>; $defs?: Record<string, SchemaProp> } | undefined;
  const fixed = new Set([...Object.keys(source?.input ?? {}), ...(op?.pagingParams ?? [])]);
  // Imported schemas name shared types (`#/$defs/OrderStatus`): an enum there is still a choice.
  const local = (p: SchemaProp & { $ref?: string }): SchemaProp =>
    p.$ref?.startsWith('#/$defs/') ? { ...input?.$defs?.[p.$ref.slice(8)], ...p } : p;
  return Object.entries(input?.properties ?? {})
    .map(([name, p]): [string, SchemaProp] => [name, local(p)])
    .filter(([name, p]) => !fixed.has(name) && ['string', 'integer', 'number'].includes(String(p.type)))
    .slice(0, MAX_FILTERS);
}

export function ConnectorTable({ component }: { component: { id: string; props?: TableProps; source?: unknown } }) {
  const { t, label, locale } = useT();
  const props = component.props ?? ({ columns: [] } as unknown as TableProps);
  const [filters, setFilters] = useState<Record<string, unknown>>({});
  const [pageSize, setPageSize] = useState(props.pageSize ?? 25);
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const pageIndex = cursors.length - 1;
  const { operations } = useRenderer();
  const bound = component.source as ConnectorSource | undefined;
  // An API that pages is asked one page at a time; a plain list comes whole and is paged here.
  const paged = bound ? operations?.[bound.connection]?.[bound.operation]?.paged === true : false;
  const { source, operation, answer, loading, error, problem, reload } = useConnectorSource(component.source, {
    extraInput: filters,
    ...(paged ? { page: { size: pageSize, cursor: cursors[pageIndex] } } : {}),
  });
  const schema = recordProps(operation);
  const columns = useMemo(
    () =>
      props.columns.map((c) => ({
        key: c.field,
        title: c.label ? label(c.label as Label) : (schema[c.field]?.title ?? humanize(c.field)),
        width: c.width,
        render: (_: unknown, entry: { row: unknown }) => <RemoteValue value={valueAt(entry.row, c.field)} locale={locale} />,
      })),
    [props.columns, schema, locale], // eslint-disable-line react-hooks/exhaustive-deps
  );
  if (problem) return <ProblemState problem={problem} />;
  const rows = answer ? (Array.isArray(answer.output) ? answer.output : answer.output == null ? [] : [answer.output]) : [];
  const restart = (next: Record<string, unknown>) => {
    setFilters(next);
    setCursors([undefined]);
  };
  const params = filterParams(operation, source);
  return (
    <div>
      {params.length > 0 && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {params.map(([name, p]) => {
            const placeholder = t('app.filterPlaceholder', { name: p.title ?? humanize(name) });
            if (p.enum)
              return (
                <Select
                  key={name}
                  allowClear
                  aria-label={placeholder}
                  placeholder={placeholder}
                  style={{ width: 200 }}
                  value={filters[name] as string | undefined}
                  options={p.enum.map((v) => ({ value: v as string, label: String(v) }))}
                  onChange={(v) => restart({ ...filters, [name]: v })}
                />
              );
            if (p.type === 'integer' || p.type === 'number')
              return (
                <InputNumber
                  key={name}
                  aria-label={placeholder}
                  placeholder={placeholder}
                  onChange={(v) => restart({ ...filters, [name]: v ?? undefined })}
                />
              );
            return (
              <Input.Search
                key={name}
                allowClear
                aria-label={placeholder}
                placeholder={placeholder}
                style={{ width: 220 }}
                onSearch={(v) => restart({ ...filters, [name]: v })}
              />
            );
          })}
        </Flex>
      )}
      {error ? (
        <ErrorState error={error} onRetry={reload} />
      ) : (
        <>
          <Table
            size="middle"
            columns={columns}
            // Rows keyed by the API's id where it has one (its records are not ours to add a key to).
            dataSource={rows.map((row, i) => ({ row, key: String((row as { id?: unknown } | null)?.id ?? `#${i}`) }))}
            loading={loading}
            pagination={paged ? false : { pageSize, hideOnSinglePage: true }}
            scroll={{ x: 'max-content' }}
          />
          {paged && (
            <TablePager
              pageIndex={pageIndex}
              hasNext={Boolean(answer?.nextCursor)}
              shown={rows.length}
              pageSize={pageSize}
              onPrev={() => setCursors((c) => c.slice(0, -1))}
              onNext={() => answer?.nextCursor && setCursors((c) => [...c, answer.nextCursor])}
              onPageSize={(n) => {
                setPageSize(n);
                setCursors([undefined]);
              }}
            />
          )}
        </>
      )}
    </div>
  );
}
