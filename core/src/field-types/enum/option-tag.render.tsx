import { Tag } from 'antd';
import type { EnumField } from '@tessera/core';
import { useT } from '@tessera/renderer/kit';

export type EnumOption = EnumField['options'][number];

/** antd presets ("blue") and hex colours both work as Tag colours; "default" means none. */
export const tagColor = (color: string | undefined) => (color && color !== 'default' ? color : undefined);

export function OptionTag({ options, value }: { options: EnumOption[]; value: unknown }) {
  const { label } = useT();
  const option = options.find((o) => o.value === value);
  // An unknown value (an option removed from the definition) still shows, uncoloured.
  return (
    <Tag color={tagColor(option?.color)} style={{ marginInlineEnd: 4 }}>
      {option ? label(option.label, option.value) : String(value)}
    </Tag>
  );
}

export function useOptionItems(options: EnumOption[]) {
  const { label } = useT();
  return options.map((o) => ({
    value: o.value,
    label: <Tag color={tagColor(o.color)}>{label(o.label, o.value)}</Tag>,
    title: label(o.label, o.value),
  }));
}
