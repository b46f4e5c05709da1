import { App, Button, Flex, Table, Typography } from 'antd';
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { searchFieldsOf, type Entity, type EntitySource, type Filter, type Label, type TableProps } from '@tessera/core';
import {
  createPageOf,
  fieldOrSystem,
  isStored,
  usePermissions,
  useRenderer,
  type RecordData,
  useT,
  type ComponentProps,
  Section,
  EmptyState,
  ErrorState,
  ProblemState,
  useEntitySource,
} from '@tessera/renderer/kit';
import { ImportDialog } from './import-dialog.render';
import { ConnectorTable } from './connector-table.render';
import { buildColumns } from './table-columns.render';
import { TablePager } from './table-pager.render';
import { TableToolbar } from './table-toolbar.render';
import { TableViews } from './table-views.render';
import { useTableData } from './use-table-data.render';

/**
 * Records in rows: server-side filter, sort and cursor paging, saved views, CSV export and import.
 * The heading is rendered apart from the body, which is memoized on the props it uses: editing
 * the title (in the builder, a keystroke at a time) re-renders the heading, not the table.
 */
export function TableComponent({ component }: ComponentProps<TableProps>) {
  const { label } = useT();
  const props = component.props ?? ({} as TableProps);
  const { entity, source, filter, ready, problem } = useEntitySource(component.source);
  if ((component.source as { kind?: string } | undefined)?.kind === 'connector')
    return (
      <Section title={props.title ? label(props.title as Label) : undefined}>
        <ConnectorTable component={component} />
      </Section>
    );
  if (problem || !entity) return <ProblemState problem={problem ?? { key: 'app.noSource' }} />;
  return (
    <Section title={props.title ? label(props.title as Label) : undefined}>
      <TableBody
        componentId={component.id}
        entity={entity}
        source={source}
        filter={filter}
        ready={ready}
        columns={props.columns}
        pageSize={props.pageSize}
        search={props.search}
        selectable={props.selectable}
        rowLink={props.rowLink}
      />
    </Section>
  );
}

interface TableBodyProps extends Pick<TableProps, 'columns' | 'pageSize' | 'search' | 'selectable' | 'rowLink'> {
  componentId: string;
  entity: Entity;
  source?: EntitySource;
  filter?: Filter;
  ready: boolean;
}

const MemoImportDialog = memo(ImportDialog);

const TableBody = memo(function TableBody({
  componentId,
  entity,
  source,
  filter,
  ready,
  columns: columnProps,
  pageSize,
  search,
  selectable,
  rowLink,
}: TableBodyProps) {
  const { t, label } = useT();
  const { definition, port, navigate, mode } = useRenderer();
  const { modal } = App.useApp();
  const perms = usePermissions(entity.id);
  const hidden = perms.hidden.join('\u0000'); // a new array on every render when everything is allowed
  const allColumns = useMemo(() => (columnProps ?? []).filter((c) => !perms.hidden.includes(c.field.split('.')[0])), [columnProps, hidden]); // eslint-disable-line react-hooks/exhaustive-deps
  const [visible, setVisible] = useState<string[] | undefined>();
  const [importing, setImporting] = useState(false);
  const [selected, setSelected] = useState<string[]>([]);
  const initialSort = useMemo(() => (source?.sort ?? []).map((s) => ({ field: s.field, dir: s.dir ?? 'asc' })), [source?.sort]);
  const data = useTableData(entity, filter, ready, { columnFilters: {}, search: '', sort: initialSort, pageSize: pageSize ?? 25 });

  const shownFields = useMemo(() => visible ?? allColumns.map((c) => c.field), [visible, allColumns]);
  const { sort, columnFilters } = data.query;
  const { update } = data;
  const columns = useMemo(
    () =>
      buildColumns({
        entity,
        columns: allColumns.filter((c) => shownFields.includes(c.field)),
        sort,
        columnFilters,
        label,
        setFilter: (field, clause) => update({ columnFilters: { ...columnFilters, [field]: clause } }),
      }),
    [entity, allColumns, shownFields, sort, columnFilters, label, update],
  );
  const createPage = perms.create ? createPageOf(definition, entity.id) : undefined;
  const reload = useRef(data.reload);
  reload.current = data.reload;
  const closeImport = useCallback((imported?: boolean) => {
    setImporting(false);
    if (imported) reload.current();
  }, []);
  const exportFields = shownFields.filter((f) => {
    const fd = fieldOrSystem(entity, f);
    return fd && isStored(fd);
  });

  const deleteSelected = () =>
    modal.confirm({
      title: t('table.confirmDelete', { count: selected.length }),
      okButtonProps: { danger: true },
      okText: t('common.delete'),
      onOk: async () => {
        await Promise.allSettled(selected.map((id) => port.remove(entity.id, id)));
        setSelected([]);
        data.reload();
      },
    });

  return (
    <>
      <TableToolbar
        search={
          search === false || !searchFieldsOf(entity).some((f) => !perms.hidden.includes(f))
            ? undefined
            : { value: data.query.search, onChange: (search) => data.update({ search }) }
        }
        columns={allColumns.map((c) => ({ field: c.field, title: label(c.label ?? fieldOrSystem(entity, c.field)?.label, c.field) }))}
        visible={shownFields}
        onVisible={setVisible}
        onExport={() => {
          const a = document.createElement('a');
          a.href = port.exportUrl(entity.id, { filter: data.filter, sort: data.query.sort, fields: exportFields });
          a.download = `${entity.id}.csv`;
          a.click();
        }}
        onImport={perms.create ? () => setImporting(true) : undefined}
        onNew={createPage && mode === 'live' ? () => navigate(createPage.id, {}, parentLinks(entity, filter)) : undefined}
        views={
          <TableViews
            componentId={componentId}
            onApply={(state) => {
              data.applyView(state);
              setVisible(state?.columns);
            }}
            current={() => ({
              filter: data.query.columnFilters as never,
              sort: data.query.sort,
              columns: shownFields,
              pageSize: data.query.pageSize,
            })}
          />
        }
      />
      {selectable && selected.length > 0 && (
        <Flex gap={12} align="center" style={{ marginBottom: 8 }}>
          <Typography.Text>{t('table.selected', { count: selected.length })}</Typography.Text>
          {perms.delete && (
            <Button danger size="small" onClick={deleteSelected}>
              {t('table.deleteSelected')}
            </Button>
          )}
        </Flex>
      )}
      {data.error ? (
        <ErrorState error={data.error} onRetry={data.reload} />
      ) : (
        <>
          <Table<RecordData>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={data.items}
            pagination={false}
            loading={data.loading || !data.loaded}
            scroll={{ x: 'max-content' }}
            locale={{ emptyText: data.loaded ? <EmptyState /> : <span style={{ display: 'block', height: 120 }} /> }}
            rowClassName={(r) => (data.fresh.has(r.id) ? 'tessera-row-fresh' : '')}
            rowSelection={selectable ? { selectedRowKeys: selected, onChange: (keys) => setSelected(keys as string[]) } : undefined}
            onRow={(record) =>
              rowLink ? { onClick: () => mode === 'live' && navigate(rowLink, { id: record.id }), style: { cursor: 'pointer' } } : {}
            }
            onChange={(_p, _f, sorter, extra) => {
              if (extra.action !== 'sort') return;
              const s = Array.isArray(sorter) ? sorter[0] : sorter;
              const field = String(s?.columnKey ?? '');
              data.update({ sort: s?.order && field ? [{ field, dir: s.order === 'descend' ? 'desc' : 'asc' }] : initialSort });
            }}
          />
          <TablePager
            pageIndex={data.pageIndex}
            hasNext={data.hasNext}
            total={data.total}
            capped={data.totalCapped}
            shown={data.items.length}
            pageSize={data.query.pageSize}
            onPrev={data.prev}
            onNext={data.next}
            onPageSize={(pageSize) => data.update({ pageSize })}
          />
        </>
      )}
      <MemoImportDialog
        entity={entity.id}
        entityLabel={label(entity.pluralLabel ?? entity.label, entity.id)}
        open={importing}
        onClose={closeImport}
      />
    </>
  );
});

/**
 * The links a related list is narrowed to (`{ "company": ":id" }`, resolved to the company's id):
 * a record created from its "New" button belongs there, so its form starts with them.
 */
function parentLinks(entity: Entity, filter: Filter | undefined): Record<string, unknown> | undefined {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter ?? {})) {
    const field = entity.fields.find((f) => f.id === key);
    if (field?.type !== 'relation' || ('many' in field && field.many)) continue;
    const id = typeof value === 'string' ? value : (value as { $eq?: unknown } | null)?.$eq;
    if (typeof id === 'string' && id && !id.startsWith(':')) out[key] = id;
  }
  return Object.keys(out).length ? out : undefined;
}
