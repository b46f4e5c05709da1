/**
 * Every validation problem of the draft. Clicking one selects what it points at (entity, field,
 * component, role, menu item) and switches to the screen that edits it.
 */
import { CheckCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import { List, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import { describeTarget, selectionFor, type MappedIssue, type Screen } from '../store/issue-mapping';

export type { Screen } from '../store/issue-mapping';

export const issueScreen = (issue: MappedIssue): Screen => issue.target.screen;

export function IssuesPanel({ onNavigate }: { onNavigate(screen: Screen): void }) {
  const { t } = useTranslation();
  const issues = useBuilder((s) => s.issues.all);
  const select = useBuilder((s) => s.select);
  if (!issues.length) return <Result status="success" icon={<CheckCircleOutlined />} subTitle={t('issues.none')} />;
  const go = (issue: MappedIssue) => {
    const selection = selectionFor(issue.target);
    if (selection) select(selection);
    onNavigate(issueScreen(issue));
  };
  return (
    <List
      size="small"
      dataSource={issues}
      data-testid="issues"
      renderItem={(issue) => (
        <List.Item style={{ cursor: 'pointer' }} onClick={() => go(issue)}>
          <List.Item.Meta
            avatar={<CloseCircleFilled style={{ color: '#ff4d4f' }} />}
            title={issue.message}
            description={
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {describeTarget(issue.target) || '/'} · <code>{issue.pointer || '/'}</code>
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
