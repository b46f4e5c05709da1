import { DndContext, PointerSensor, KeyboardSensor, useSensor, useSensors, type DragEndEvent } from '@dnd-kit/core';
import type { EnumField, KanbanProps, Label, MoneyField } from '@tessera/core';
import {
  findField,
  usePermissions,
  useRenderer,
  formatMoney,
  useT,
  type ComponentProps,
  Section,
  ErrorState,
  LoadingState,
  ProblemState,
  useEntitySource,
} from '@tessera/renderer/kit';
import { tagColor } from '../../field-types/enum/option-tag.render';
import { KanbanCard } from './kanban-card.render';
import { KanbanLane } from './kanban-lane.render';
import { useKanban } from './use-kanban.render';

const NONE = '__none__';
/** Lane id of a drop, or undefined when dropped outside any lane. */
export const laneOfDrop = (e: Pick<DragEndEvent, 'over'>): string | null | undefined =>
  e.over ? (e.over.id === NONE ? null : String(e.over.id)) : undefined;

/** Cards in lanes by an enum field; dragging a card to another lane updates that field. */
export function KanbanComponent({ component }: ComponentProps<KanbanProps>) {
  const { label, locale } = useT();
  const { navigate, mode } = useRenderer();
  const props = component.props ?? ({} as KanbanProps);
  const { entity, source, filter, ready, problem } = useEntitySource(component.source);
  const perms = usePermissions(entity?.id);
  const sort = source?.sort?.map((s) => ({ field: s.field, dir: s.dir ?? ('asc' as const) }));
  const board = useKanban(entity, props.groupBy, filter, sort, source?.limit ?? 500, ready);
  // A small distance keeps clicks (open the card) from starting a drag.
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 6 } }), useSensor(KeyboardSensor));

  if (problem || !entity) return <ProblemState problem={problem ?? { key: 'app.noSource' }} />;
  const group = findField(entity, props.groupBy) as EnumField | undefined;
  if (!group || !('options' in group)) return <ProblemState problem={{ key: 'app.unknownEntity', values: { entity: props.groupBy } }} />;
  if (board.error) return <ErrorState error={board.error} onRetry={board.reload} />;
  if (!board.records) return <LoadingState rows={5} />;

  // Only if the caller may change the lane field (permission, read-only after create).
  const canMove = perms.update && !perms.readonly.includes(group.id) && !group.readOnly;
  const lanes = group.options.map((o) => ({ value: o.value as string | null, label: label(o.label, o.value), color: tagColor(o.color) }));
  if (board.records.some((r) => r[group.id] == null)) lanes.push({ value: null, label: '—', color: undefined });
  const money = (props.cardFields ?? []).map((f) => findField(entity, f)).find((f): f is MoneyField => f?.type === 'money');

  const onDragEnd = (e: DragEndEvent) => {
    const lane = laneOfDrop(e);
    if (lane !== undefined) void board.move(String(e.active.id), lane);
  };

  return (
    <Section title={props.title ? label(props.title as Label) : undefined}>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8, alignItems: 'flex-start' }}>
          {lanes.map((lane) => {
            const cards = board.records!.filter((r) => (r[group.id] ?? null) === lane.value);
            const sum = money ? cards.reduce((a, r) => a + (typeof r[money.id] === 'number' ? (r[money.id] as number) : 0), 0) : undefined;
            return (
              <KanbanLane
                key={String(lane.value)}
                id={lane.value ?? NONE}
                title={lane.label}
                color={lane.color}
                count={cards.length}
                summary={sum !== undefined && cards.length ? formatMoney(sum, money!.currency, locale, true) : undefined}
              >
                {cards.map((r) => (
                  <KanbanCard
                    key={r.id}
                    record={r}
                    entity={entity}
                    titleField={props.titleField}
                    cardFields={props.cardFields ?? []}
                    canMove={canMove}
                    lane={lane.value}
                    lanes={lanes}
                    onMove={(to) => void board.move(r.id, to)}
                    onOpen={props.cardLink && mode === 'live' ? () => navigate(props.cardLink!, { id: r.id }) : undefined}
                  />
                ))}
              </KanbanLane>
            );
          })}
        </div>
      </DndContext>
    </Section>
  );
}
