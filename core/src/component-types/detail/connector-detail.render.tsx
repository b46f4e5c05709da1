/**
 * A detail bound to a connector's get operation: one object from the customer's API (through the
 * server), its chosen fields as a description list, titles from the output schema. The input
 * usually takes the route's id (`{ "id": ":id" }`).
 */
import { Descriptions } from 'antd';
import type { DetailProps, Label } from '@tessera/core';
import {
  ErrorState,
  humanize,
  LoadingState,
  ProblemState,
  RemoteValue,
  Section,
  useConnectorSource,
  useT,
  valueAt,
} from '@tessera/renderer/kit';

export function ConnectorDetail({ component }: { component: { props?: DetailProps; source?: unknown } }) {
  const { label, locale } = useT();
  const props = component.props ?? ({ fields: [] } as unknown as DetailProps);
  const { operation, answer, loading, error, problem, reload } = useConnectorSource(component.source);
  if (problem) return <ProblemState problem={problem} />;
  if (error) return <ErrorState error={error} onRetry={reload} />;
  if (loading || !answer) return <LoadingState rows={3} />;
  const record = Array.isArray(answer.output) ? answer.output[0] : answer.output;
  const schema = ((operation?.output as { properties?: Record<string, { title?: string }> } | undefined)?.properties ?? {}) as Record<
    string,
    { title?: string }
  >;
  return (
    <Section title={props.title ? label(props.title as Label) : undefined}>
      <Descriptions
        bordered
        size="small"
        column={props.columns ?? 2}
        items={props.fields.map((f) => ({
          key: f.field,
          label: f.label ? label(f.label as Label) : (schema[f.field]?.title ?? humanize(f.field)),
          children: <RemoteValue value={valueAt(record, f.field)} locale={locale} />,
        }))}
      />
    </Section>
  );
}
