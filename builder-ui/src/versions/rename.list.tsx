/** The renames a publish will send, as the consultant reads them: what moves where. */
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { isFieldEntry, type RenameEntry } from '@tessera/core/renames';

export function RenameList({ renames }: { renames: RenameEntry[] }) {
  const { t } = useTranslation();
  return (
    <Alert
      style={{ marginTop: 12 }}
      type="info"
      showIcon
      data-testid="publish-renames"
      message={t('versions.renamesTitle')}
      description={
        <ul style={{ margin: 0, paddingLeft: 18 }}>
          {renames.map((r) => (
            <li key={JSON.stringify(r)}>
              {isFieldEntry(r) ? (
                <>
                  <code>
                    {r.entity}.{r.from}
                  </code>{' '}
                  → <code>{r.to}</code>: {t('versions.fieldRename')}
                </>
              ) : (
                <>
                  <code>{r.from}</code> → <code>{r.to}</code>: {t('versions.entityRename')}
                </>
              )}
            </li>
          ))}
        </ul>
      }
    />
  );
}
