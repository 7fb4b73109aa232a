/** @module Every feature and whether this user can use it: the Settings page's "Your access". */
import { FEATURE_REQUIREMENTS, checkFeature, type Access } from '@adhere/genesys';
import { MissingList } from './AccessNotice.js';

export function AccessTable({ access }: { access: Access | undefined }) {
  if (!access) return <p role="status">Checking your access…</p>;
  return (
    <table className="access">
      <caption>Your access</caption>
      <thead>
        <tr>
          <th scope="col">Feature</th>
          <th scope="col">Available</th>
        </tr>
      </thead>
      <tbody>
        {FEATURE_REQUIREMENTS.map(({ feature }) => {
          const check = checkFeature(access, feature);
          return (
            <tr key={feature} data-feature={feature}>
              <th scope="row">{check.name}</th>
              <td>
                {check.available === true ? (
                  'Yes'
                ) : check.available === 'unknown' ? (
                  'Could not check (your permissions could not be read)'
                ) : (
                  <>
                    No — missing:
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
