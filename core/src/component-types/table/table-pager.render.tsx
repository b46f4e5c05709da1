import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Flex, Select, Typography } from 'antd';
import { useT } from '@tessera/renderer/kit';

interface Props {
  pageIndex: number;
  hasNext: boolean;
  total?: number;
  /** `total` is where the server stopped counting. */
  capped?: boolean;
  shown: number;
  pageSize: number;
  onPrev(): void;
  onNext(): void;
  onPageSize(size: number): void;
}

/** Cursor paging: previous/next only (a cursor API has no "jump to page 7"), with the total count. */
export function TablePager({ pageIndex, hasNext, total, capped, shown, pageSize, onPrev, onNext, onPageSize }: Props) {
  const { t } = useT();
  const from = pageIndex * pageSize + (shown ? 1 : 0);
  return (
    <Flex justify="space-between" align="center" wrap gap={8} style={{ marginTop: 12 }}>
      <Typography.Text type="secondary">
        {total !== undefined
          ? `${from}–${pageIndex * pageSize + shown} / ${t(capped ? 'table.totalCapped' : 'table.total', { count: total })}`
          : t('table.pageN', { n: pageIndex + 1 })}
      </Typography.Text>
      <Flex gap={8} align="center">
        <Select
          size="small"
          value={pageSize}
          onChange={onPageSize}
          options={[10, 25, 50, 100].map((n) => ({ value: n, label: t('table.perPage', { n }) }))}
          style={{ width: 110 }}
          aria-label="page size"
        />
        <Button size="small" icon={<LeftOutlined />} disabled={pageIndex === 0} onClick={onPrev} aria-label={t('table.previous')} />
        <Button size="small" icon={<RightOutlined />} disabled={!hasNext} onClick={onNext} aria-label={t('table.next')} />
      </Flex>
    </Flex>
  );
}
