/** The toast after a publish: what was published, and the way to the live app it now is. */
import { Space } from 'antd';
import { OpenAppLink } from '../app/open-app.link';

export function PublishedNotice({ text, appId }: { text: string; appId: string }) {
  return (
    <Space size={8}>
      <span>{text}</span>
      <OpenAppLink appId={appId} size="small" type="link" testId="published-open-app" />
    </Space>
  );
}
