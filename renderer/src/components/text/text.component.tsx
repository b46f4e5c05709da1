import type { Markdown as MarkdownLabel, TextProps } from '@tessera/core';
import { useT } from '../../i18n/i18n.provider';
import type { ComponentProps } from '../component-renderer';
import { Markdown } from './markdown';

export function TextComponent({ component }: ComponentProps<TextProps>) {
  const { label } = useT();
  return <Markdown source={label(component.props?.content as MarkdownLabel, '')} />;
}
