/**
 * Every validation problem of the draft. Clicking one selects what it points at (entity, field,
 * component) and switches to the screen that edits it.
 */
import { CheckCircleOutlined, CloseCircleFilled } from '@ant-design/icons';
import { List, Result, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useBuilder } from '../store/builder.store';
import type { MappedIssue } from '../store/issue-mapping';

export type Screen = 'data' | 'pages' | 'json' | 'versions';

export function issueScreen(issue: MappedIssue): Screen {
  if (issue.target.entityId) return 'data';
  if (issue.target.pageId) return 'pages';
  return 'json';
}

export function IssuesPanel({ onNavigate }: { onNavigate(screen: Screen): void }) {
  const { t } = useTranslation();
  const issues = useBuilder((s) => s.issues.all);
  const select = useBuilder((s) => s.select);
  if (!issues.length) return <Result status="success" icon={<CheckCircleOutlined />} subTitle={t('issues.none')} />;
  const go = (issue: MappedIssue) => {
    const { entityId, fieldId, pageId, componentId } = issue.target;
    if (entityId) select({ kind: 'entity', entityId, ...(fieldId ? { fieldId } : {}) });
    else if (pageId) select({ kind: 'page', pageId, ...(componentId ? { componentId } : {}) });
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
                {[issue.target.entityId, issue.target.fieldId, issue.target.pageId, issue.target.componentId].filter(Boolean).join(' › ') || '/'} · <code>{issue.pointer || '/'}</code>
              </Typography.Text>
            }
          />
        </List.Item>
      )}
    />
  );
}
