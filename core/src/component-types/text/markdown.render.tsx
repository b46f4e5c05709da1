/**
 * A small Markdown subset rendered to React elements (never to HTML strings): headings,
 * paragraphs, lists, **bold**, *italic*, `code` and [links](https://…). Raw HTML stays text, and
 * only http(s)/mailto links become anchors, so a definition cannot inject script.
 */
import { Typography } from 'antd';
import type { ReactNode } from 'react';

const INLINE = /(\*\*[^*]+\*\*|\*[^*]+\*|`[^`]+`|\[[^\]]+\]\([^)\s]+\))/g;

function inline(text: string, keyBase: string): ReactNode[] {
  return text
    .split(INLINE)
    .filter(Boolean)
    .map((part, i) => {
      const key = `${keyBase}-${i}`;
      if (part.startsWith('**') && part.endsWith('**')) return <strong key={key}>{part.slice(2, -2)}</strong>;
      if (part.startsWith('`') && part.endsWith('`'))
        return (
          <Typography.Text key={key} code>
            {part.slice(1, -1)}
          </Typography.Text>
        );
      if (part.startsWith('*') && part.endsWith('*') && part.length > 2) return <em key={key}>{part.slice(1, -1)}</em>;
      const link = /^\[([^\]]+)\]\(([^)\s]+)\)$/.exec(part);
      if (link) {
        return /^(https?:|mailto:)/i.test(link[2]) ? (
          <Typography.Link key={key} href={link[2]} target="_blank" rel="noopener noreferrer">
            {link[1]}
          </Typography.Link>
        ) : (
          <span key={key}>{link[1]}</span>
        );
      }
      return part;
    });
}

export function Markdown({ source }: { source: string }) {
  const blocks = source.replace(/\r\n/g, '\n').split(/\n{2,}/);
  return (
    <Typography>
      {blocks.map((block, b) => {
        const lines = block.split('\n');
        const heading = /^(#{1,4})\s+(.*)$/.exec(lines[0]);
        if (heading && lines.length === 1) {
          const level = Math.min(heading[1].length + 1, 5) as 2 | 3 | 4 | 5;
          return (
            <Typography.Title key={b} level={level}>
              {inline(heading[2], `h${b}`)}
            </Typography.Title>
          );
        }
        if (lines.every((l) => /^\s*([-*]|\d+\.)\s+/.test(l))) {
          const ordered = /^\s*\d+\./.test(lines[0]);
          const items = lines.map((l, i) => <li key={i}>{inline(l.replace(/^\s*([-*]|\d+\.)\s+/, ''), `l${b}-${i}`)}</li>);
          return ordered ? <ol key={b}>{items}</ol> : <ul key={b}>{items}</ul>;
        }
        return (
          <Typography.Paragraph key={b}>
            {lines.flatMap((l, i) => (i ? [<br key={`br${i}`} />, ...inline(l, `p${b}-${i}`)] : inline(l, `p${b}-${i}`)))}
          </Typography.Paragraph>
        );
      })}
    </Typography>
  );
}
