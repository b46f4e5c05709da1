import { Typography } from 'antd';

/** How a missing value looks everywhere: a muted dash, so empty cells don't read as errors. */
export const EmptyValue = () => <Typography.Text type="secondary">—</Typography.Text>;

export const isEmpty = (v: unknown): boolean => v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
