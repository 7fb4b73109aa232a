/** @module Every feature and whether this user can use it: the Settings page's "Your access". */
import { FEATURE_REQUIREMENTS, checkFeature, type Access } from '@adhere/genesys';
import { MissingList } from './AccessNotice.js';
import { t } from '../i18n/i18n.js';
import { featureWords } from './feature-words.js';

export function AccessTable({ access }: { access: Access | undefined }) {
  if (!access) return <p role="status">{t('access.checking')}</p>;
  return (
    <table className="access">
      <caption>{t('access.yours')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('access.feature')}</th>
          <th scope="col">{t('access.available')}</th>
        </tr>
      </thead>
      <tbody>
        {FEATURE_REQUIREMENTS.map(({ feature }) => {
          const check = checkFeature(access, feature);
          return (
            <tr key={feature} data-feature={feature}>
              <th scope="row">{featureWords(check.feature)}</th>
              <td>
                {check.available === true ? (
                  t('access.yes')
                ) : check.available === 'unknown' ? (
                  t('access.unknown')
                ) : (
                  <>
                    {t('access.noMissing')}
                    <MissingList check={check} />
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
