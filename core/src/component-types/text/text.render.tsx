import type { Markdown as MarkdownLabel, TextProps } from '@tessera/core';
import { useT, type ComponentProps } from '@tessera/renderer/kit';
import { Markdown } from './markdown.render';

export function TextComponent({ component }: ComponentProps<TextProps>) {
  const { label } = useT();
  return <Markdown source={label(component.props?.content as MarkdownLabel, '')} />;
}
