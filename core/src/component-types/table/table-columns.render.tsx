import type { TableColumnsType } from 'antd';
import { fieldTypes, type Entity, type Label } from '@tessera/core';
import { fieldOrSystem, isStored, type RecordData, type SortSpec, getFieldRenderer } from '@tessera/renderer/kit';
import { FilterDropdown } from './column-filter.render';

export interface ColumnSpec {
  field: string;
  label?: Label;
  width?: number;
}

interface BuildArgs {
  entity: Entity;
  columns: ColumnSpec[];
  sort: SortSpec[];
  columnFilters: Record<string, unknown>;
  setFilter(field: string, clause: unknown): void;
  label(l: Label | undefined, fallback: string): string;
}

/** antd columns from the table's props: field displays, server-side sort and per-column filters. */
export function buildColumns({ entity, columns, sort, columnFilters, setFilter, label }: BuildArgs): TableColumnsType<RecordData> {
  return columns.map((col) => {
    const field = fieldOrSystem(entity, col.field);
    const renderer = getFieldRenderer(field?.type ?? 'text');
    // Computed fields and rollups are evaluated on read: the server refuses to sort or filter on them.
    const queryable = !!field && isStored(field) && !col.field.includes('.');
    const order = sort[0]?.field === col.field ? (sort[0].dir === 'desc' ? 'descend' : 'ascend') : null;
    const descriptor = field ? fieldTypes.get(field.type) : undefined;
    const kind = queryable ? (descriptor?.filterKind ?? 'none') : 'none';
    return {
      key: col.field,
      dataIndex: col.field.split('.'),
      title: label(col.label ?? field?.label, col.field),
      width: col.width,
      ellipsis: field?.type !== 'multienum',
      align: descriptor?.numeric ? ('right' as const) : undefined,
      sorter: queryable,
      sortOrder: order,
      sortDirections: ['ascend', 'descend', 'ascend'],
      filteredValue: columnFilters[col.field] !== undefined ? ['on'] : null,
      filterDropdown:
        kind !== 'none'
          ? ({ close }: { close(): void }) => (
              <FilterDropdown
                kind={kind}
                field={field!}
                clause={columnFilters[col.field]}
                onChange={(c) => setFilter(col.field, c)}
                close={close}
              />
            )
          : undefined,
      render: (value: unknown, record: RecordData) =>
        field ? <renderer.Display field={field} value={value} record={record} compact /> : String(value ?? ''),
    };
  });
}
